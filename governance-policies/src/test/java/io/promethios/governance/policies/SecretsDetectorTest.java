package io.promethios.governance.policies;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsDetectorTest {

    private final Detector secrets = Detectors.secrets();

    private List<String> types(String text) {
        return secrets.detect(text).stream().map(Detection::type).toList();
    }

    @Test
    void providerFormats() {
        assertThat(types("aws_access_key_id = AKIAQWERTYUIOPASDFGH")).contains("AWS_ACCESS_KEY_ID");
        assertThat(types("GITHUB=ghp_R2d2C3poLuke1Leia2Han3Solo4Chewie5Yoda")).contains("GITHUB_TOKEN");
        assertThat(types("token xoxb-2937465810-7362514098-Qz8RtY2pWm5LkX9vNc3HbJ7d")).contains("SLACK_TOKEN");
        assertThat(types("stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc")).contains("STRIPE_KEY");
        assertThat(types("OPENAI_API_KEY=sk-proj-Zt7x9QmR4vLpW2sK8nB3yH6jD1fG5cA0")).contains("OPENAI_KEY");
        assertThat(types("key AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY")).contains("GOOGLE_API_KEY");
    }

    @Test
    void privateKeysAndJwts() {
        String pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA1c2\n-----END RSA PRIVATE KEY-----";
        assertThat(types(pem)).containsExactly("PRIVATE_KEY");
        String jwt = "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
        assertThat(types(jwt)).contains("JWT");
    }

    @Test
    void genericSecretsNeedBothEntropyAndContext() {
        String value = "q8Zr2LkX7vPm4TnB9wYc3HdJ6sFg";
        assertThat(types("db_secret = \"" + value + "\"")).isNotEmpty();
        assertThat(types("the build id " + value + " finished")).isEmpty();
    }

    @Test
    void placeholdersAndCodeAreNotSecrets() {
        assertThat(types("password = \"${DB_PASSWORD}\"")).isEmpty();
        assertThat(types("api_key = \"YOUR_API_KEY_HERE\"")).isEmpty();
        assertThat(types("aws_secret_access_key = xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")).isEmpty();
        assertThat(types("password = getpass()")).isEmpty();
    }

    @Test
    void credentialsInUrls() {
        assertThat(types("DATABASE_URL=postgres://app:s3cr3tPa55@db.internal:5432/app")).contains("URL_CREDENTIALS");
    }

    @Test
    void spansPointAtTheSecret() {
        String text = "key: AKIAQWERTYUIOPASDFGH.";
        Detection d = secrets.detect(text).get(0);
        assertThat(text.substring(d.start(), d.end())).isEqualTo("AKIAQWERTYUIOPASDFGH");
    }
}
