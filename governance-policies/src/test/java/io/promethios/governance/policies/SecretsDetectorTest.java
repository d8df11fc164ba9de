package io.promethios.governance.policies;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

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

    /** A random token (seeded) of {@code n} chars from {@code alphabet}. */
    private static String random(Random r, String alphabet, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    /** Formats of LLM and SaaS platforms, each with a random body of the documented alphabet and length. */
    @Test
    void platformFormatsWithRandomBodies() {
        String an = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        String hex = "0123456789abcdef";
        String lower = "abcdefghijklmnopqrstuvwxyz0123456789";
        String upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        Object[][] cases = {
            {"pplx-", an, 48, "", "PERPLEXITY_KEY"}, {"xai-", an, 80, "", "XAI_KEY"}, {"nvapi-", an, 64, "", "NVIDIA_KEY"},
            {"lin_api_", an, 40, "", "LINEAR_KEY"}, {"secret_", an, 43, "", "NOTION_TOKEN"}, {"ntn_", an, 46, "", "NOTION_TOKEN"},
            {"sbp_", hex, 40, "", "SUPABASE_TOKEN"}, {"sntryu_", hex, 64, "", "SENTRY_TOKEN"}, {"pul-", hex, 40, "", "PULUMI_TOKEN"},
            {"fo1_", an, 43, "", "FLYIO_TOKEN"}, {"pscale_tkn_", an, 43, "", "PLANETSCALE_TOKEN"}, {"shippo_live_", hex, 40, "", "SHIPPO_TOKEN"},
            {"EZAK", an, 54, "", "EASYPOST_KEY"}, {"HRKU-", an, 60, "", "HEROKU_KEY"}, {"CFPAT-", an, 43, "", "CONTENTFUL_TOKEN"},
            {"FLWSECK-", hex, 32, "-X", "FLUTTERWAVE_KEY"}, {"xkeysib-", hex, 64, "-Kf8Lq2Wz7Rn4Tx9V", "BREVO_KEY"},
            {"mlsn.", hex, 64, "", "MAILERSEND_TOKEN"}, {"gldt-", an, 20, "", "GITLAB_TOKEN"}, {"LTAI", an, 20, "", "ALIBABA_ACCESS_KEY_ID"},
            {"AKID", an, 32, "", "TENCENT_SECRET_ID"}, {"ico-", an, 32, "", "INFRACOST_KEY"}, {"rdme_", lower, 70, "", "README_KEY"},
            {"duffel_live_", an, 43, "", "DUFFEL_TOKEN"}, {"fio-u-", an, 64, "", "FRAMEIO_TOKEN"}, {"CLOJARS_", lower, 60, "", "CLOJARS_TOKEN"},
            {"tfp_", an, 59, "", "TYPEFORM_TOKEN"}, {"pnu_", an, 36, "", "PREFECT_TOKEN"}, {"SCW", upper, 17, "", "SCALEWAY_ACCESS_KEY_ID"},
            {"lsv2_pt_", hex, 32, "_3f9a0c7d1e", "LANGSMITH_KEY"}, {"rzp_live_", an, 14, "", "RAZORPAY_KEY_ID"}};
        Random r = new Random(2026);
        for (Object[] c : cases) {
            for (int k = 0; k < 5; k++) {
                String token = c[0] + random(r, (String) c[1], (Integer) c[2]) + c[3];
                assertThat(types("found " + token + " in the logs")).as(token).contains((String) c[4]);
                // in an assignment the provider's type wins over the generic PASSWORD of the same span, unless it is less severe
                assertThat(types("export TOKEN=\"" + token + "\"")).as(token).containsAnyOf((String) c[4], "PASSWORD");
            }
        }
        assertThat(types("export PPLX_KEY=\"pplx-" + random(r, an, 48) + "\"")).containsExactly("PERPLEXITY_KEY");
        // the prefixes alone, or a body of the wrong length, are not these formats
        assertThat(types("set secret_key_base in config, see lin_api_docs")).isEmpty();
        assertThat(types("id " + "sbp_" + random(r, hex, 39))).doesNotContain("SUPABASE_TOKEN");
    }

    @Test
    void passwordsTypedInProse() {
        assertThat(types("My password is hunter2, don't tell anyone.")).containsExactly("PASSWORD");
        assertThat(types("the passphrase was Tr0ub4dor&3 until yesterday")).containsExactly("PASSWORD");
        assertThat(types("The password is strong enough.")).isEmpty();
        assertThat(types("The password is 12 characters long.")).isEmpty();
        assertThat(types("Your password is case-sensitive.")).isEmpty();
        String text = "ok, my password is hunter2.";
        Detection d = secrets.detect(text).get(0);
        assertThat(text.substring(d.start(), d.end())).isEqualTo("hunter2");
    }

    /** YAML and env listings write passwords unquoted after a colon; field labels and help text are not passwords. */
    @Test
    void unquotedPasswordsAfterAColon() {
        assertThat(types("DATABASE_PASSWORD: hunter2Xy9!")).containsExactly("PASSWORD");
        assertThat(types("environment:\n  PASSWORD: Tr0ub4dor&3\n")).containsExactly("PASSWORD");
        for (String label : List.of("Password: ********", "pwd: /home/user1", "Password: must contain 8 characters",
                "Forgot password: click here", "Password: min. 8 chars, 1 digit", "Minimum password: 12 characters",
                "MYSQL_ROOT_PASSWORD: example")) {
            assertThat(types(label)).as(label).isEmpty();
        }
    }

    @Test
    void moreProviderFormatsByExactStructure() {
        assertThat(types("TWILIO_KEY=SK0f3b9c2d7e4a18b6c5d0e9f2a7b3c1d4")).contains("TWILIO_KEY");
        assertThat(types("SK0f3b9c2d7e4a18b6c5d0e9f2a7b3c1")).doesNotContain("TWILIO_KEY");          // 30 hex: too short
        assertThat(types("mapbox sk.eyJ1IjoiYWNtZS1tYXBzIiwiYSI6ImNrM3p.Qm9xYjR2eXp3Nkd6dDd4N2Z5")).contains("MAPBOX_TOKEN");
        assertThat(types("io aio_Fq7Lz2Xw9Rk4Tn8Vb3Hc6Jd1Ms5P")).contains("ADAFRUIT_IO_KEY");
        assertThat(types("adobe p8e-Zq7Rw2Lk9Xv4Tn8Bm3Hc6Jd1Fs5Pg0Ya")).contains("ADOBE_CLIENT_SECRET");
        assertThat(types("id A3T7QWERTYUIOPASDFGH")).contains("AWS_ACCESS_KEY_ID");
        assertThat(types("mc=3f9a0c7d1e5b2a84c6d0e9f1a7b3c5d2-us14")).contains("MAILCHIMP_KEY");
        assertThat(types("mc=3f9a0c7d1e5b2a84c6d0e9f1a7b3c5d2-eu14")).doesNotContain("MAILCHIMP_KEY");
        assertThat(types("license 3f9a0c7d1e5b2a84c6d0e9f1a7b3c5d2e8f4NRAL")).contains("NEW_RELIC_KEY");
        assertThat(types("mws amzn.mws.4ea38b7b-f563-7709-4bae-87aea15c3f2a")).contains("AMAZON_MWS_TOKEN");
        assertThat(types("teamcity eyJ0eXAiOiAiVENWMiJ9.Zk5XdzJRa3JtN1R4WnY4cQ.N2E1ZTlmMmMtNDRiNi00ZDFkLWE5")).contains("TEAMCITY_TOKEN");
        String sts = "IQoJb3JpZ2luX2VjE" + "Kf8Lq2Wz7Rn4Tx9Vb3Hc6Jd1Ms5Pg0YaZq7Rw2Lk9Xv4Tn8Bm3Hc6Jd1Fs5Pg0Ya".repeat(2);
        assertThat(types("aws_session_token = " + sts)).contains("AWS_SESSION_TOKEN");
    }

    @Test
    void identifiersAreReportedAtLowSeverityOnly() {
        for (String text : List.of(
                "recipient: age15feryxhrdz9m6y09mr8wrerwzgj6f8ntxvhxyrdlm5aahn0t09nl4ujy86",
                "aws_account_id=318274650912",
                "assets at media-prod.storage.googleapis.com",
                "client Iv1.8a61f9b3e2c4d5a7")) {
            List<Detection> found = secrets.detect(text);
            assertThat(found).as(text).isNotEmpty();
            assertThat(found).as(text).allMatch(d -> d.severity() == Severity.LOW);
        }
        assertThat(types("order_id=318274650912")).isEmpty();
    }

    @Test
    void aKnownPrefixWithABrokenBodyIsNotAGenericSecret() {
        // h, g, j, p, o, n, m, l, k are not hex: a made-up Pixie deploy key
        assertThat(types("--set deployKey=px-dep-d4c3b2a1-f6e5-h8g7-j1i8-p5o0n5m3l2k1")).isEmpty();
        assertThat(types("--set deployKey=px-dep-d4c3b2a1-f6e5-a8b7-c1d8-e5f0a5b3c2d1")).contains("NEW_RELIC_KEY");
    }

    @Test
    void credentialFileAndApiShapes() {
        assertThat(types("machine api.acme.io\n  login deploy\n  password Wq8!rT2zLm")).containsExactly("PASSWORD");
        assertThat(types("machine api.acme.io login deploy password $NETRC_PASSWORD")).isEmpty();
        assertThat(types("new NetworkCredential(\"svc-backup\", \"S3rv1ce!Pw\")")).containsExactly("PASSWORD");
        assertThat(types("new NetworkCredential(user, password)")).isEmpty();
        assertThat(types("new DirectoryEntry(\"LDAP://dc1\", \"ops@corp\", \"Qa7!Lz9x\")")).containsExactly("PASSWORD");
        assertThat(types("curl -H 'Authorization: Basic ZGVwbG95OlRyMHViNGRvciYz' https://ci")).contains("HTTP_BASIC_CREDENTIALS");
        assertThat(types("Authorization: Basic anVzdGF0b2tlbndpdGhvdXRjb2xvbg==")).doesNotContain("HTTP_BASIC_CREDENTIALS");
        assertThat(types("the basic principle of design")).isEmpty();
        assertThat(types("POST https://iot.acme.io/api/v1/Qz8RtY2pWm5LkX9vNc3H/telemetry")).contains("DEVICE_ACCESS_TOKEN");
        assertThat(types("GET https://iot.acme.io/api/v1/customersandsuppliers/telemetry")).isEmpty();
    }

    @Test
    void passwordsStatedInProse() {
        assertThat(types("The default password for the user \"ops-admin\" is \"tr4nquil\".")).containsExactly("PASSWORD");
        assertThat(types("The default password for the user is shown on the sticker.")).isEmpty();
    }

    @Test
    void theNameMayBeOnTheLineAbove() {
        String hex = "bd41c7e09a3f4d62b8e15c9a7f20d3e6";
        assertThat(types("Please use the following password to proceed to installation:\n\n" + hex + "\n")).isNotEmpty();
        assertThat(types("The build finished with this digest:\n\n" + hex + "\n")).isEmpty();
        assertThat(types("variable \"corp_api_token\" {\n  default = \"Kx7Lq2Wz9Rn4Tb8Vc3Hd6Jf1\"\n}")).isNotEmpty();
        assertThat(types("variable \"image_tag\" {\n  default = \"Kx7Lq2Wz9Rn4Tb8Vc3Hd6Jf1\"\n}")).isEmpty();
    }

    @Test
    void routesAndCallsAreNotPasswords() {
        assertThat(types("put '/forgot-password' => \"users/passwords#update\", as: 'update_password'")).isEmpty();
        assertThat(types("password = os.environ.get(\"DB_PASSWORD\")")).isEmpty();
        // a literal that merely contains a parenthesis is still a password
        assertThat(types("password = \"x3k(Pq)9!zR\"")).containsExactly("PASSWORD");
    }

    @Test
    void typedSequencesInGeneratedTokensArePlaceholders() {
        // given: real-format values, then the same shapes with an alphabet or digit run typed in
        assertThat(types("aws_access_key_id = AKIAQ7WZR2LKX9VPM4TB")).contains("AWS_ACCESS_KEY_ID");
        assertThat(types("aws_access_key_id = AKIAMNOPQRSTUVWXYZ23")).isEmpty();
        assertThat(types("GITHUB=ghp_R2d2C3poLuke1Leia2Han3Solo4Chewie5Yoda")).contains("GITHUB_TOKEN");
        assertThat(types("GITHUB=ghp_R2d2C3poLuke1Leia2Han3SoloGHIJKLMNYoda")).isEmpty();
        assertThat(types("db_secret = \"q8Zr2LkX7vPm4TnB9wYc3HdJ6sFg\"")).isNotEmpty();
        assertThat(types("db_secret = \"q8Zr2LkX7vPm4Tn9876543HdJ6sFg\"")).isEmpty();
        assertThat(types("db_secret = q8Zr2LkX7vPm4Tn9876543HdJ6sFg")).isEmpty();
        assertThat(types("api_key: 'Lq2Wz9Rn4Tb8Vc3Hdefghijk'")).isEmpty();
        // five in a row is still random enough
        assertThat(types("db_secret = \"q8Zr2LkX7vPm4Tn98765J3HdJ6sFg\"")).isNotEmpty();
        // people choose passwords: a run of digits in one does not make it a placeholder
        assertThat(types("password = \"tulip123456\"")).containsExactly("PASSWORD");
    }

    @Test
    void anonymousLoginsCarryNoSecret() {
        assertThat(types("ftp.user = \"anonymous\";\nftp.password = \"guest@acme.io\";")).isEmpty();
        assertThat(types("ftp.user = \"deploy\";\nftp.password = \"Qz7!kLm2x\";")).containsExactly("PASSWORD");
        assertThat(types("machine ftp.acme.io login anonymous password guest@acme.io")).isEmpty();
        assertThat(types("fetch ftp://anonymous:guest@ftp.acme.io/pub/")).isEmpty();
        assertThat(types("fetch ftp://deploy:Qz7kLm2x@ftp.acme.io/pub/")).contains("URL_CREDENTIALS");
        // the anonymous user must be set near the password, not anywhere in the text
        assertThat(types("user = \"anonymous\"\n\n\n\n\ndb_password = \"Qz7!kLm2x\"")).containsExactly("PASSWORD");
    }

    @Test
    void codeClimateReporterIdIsACredential() {
        String hex = "4e1f0a9c7b3d58e2a6f4c0b9d7e2135a8c6f0e4b9d2a7c5e1f3b8d0a6c4e29f7";
        assertThat(types("env:\n  CC_TEST_REPORTER_ID: " + hex)).containsExactly("GENERIC_SECRET");
        assertThat(types("env:\n  BUILD_DIGEST: " + hex)).isEmpty();
    }

    /** The key/value password rule runs only near its anchors: it must find what a whole-text find() finds. */
    @Test
    void keyValueWindowsEqualPlainFind() {
        String[] crafted = {
            "my.service-name.with.a.long_prefix_abcdefgh_password = \"Hunter2x!\"", // name 40+ chars before the word
            "abcdefghijabcdefghijabcdefghijabcdefghij_api_key: 'k3yV4lue99'",
            "abcdefghijabcdefghijabcdefghijabcdefghi_api_key: 'k3yV4lue99'",
            "-u admin:s3cretPass", "curl --USER bob:pa55word host", "x\t--user bob:pa55word", "mysql -pS3cret9 -u root",
            "<add key=\"DbPassword\" value=\"Zx9!rty7\"/>", "the passcode is \"7788aa\"",
            "PASSWORD for the vault is 'Qw3rty!!'", "Password=abc123;User=x", "token: \"ab12cd34\"",
        };
        for (String t : crafted) {
            assertThat(SecretsDetector.keyValueMatches(t)).as(t).containsExactlyElementsOf(SecretsDetector.keyValueMatchesPlain(t));
        }
        assertThat(SecretsDetector.keyValueMatchesPlain(crafted[0])).isNotEmpty();
        assertThat(SecretsDetector.keyValueMatchesPlain(crafted[1])).isEmpty(); // the word 41 chars in
        assertThat(SecretsDetector.keyValueMatchesPlain(crafted[2])).isNotEmpty(); // the word exactly 40 chars in
        String[] words = {"password", "PassWD", "pwd", "passphrase", "passcode", "secret", "TOKEN", "apikey", "api_key", "accountkey",
            "sharedaccesskey", "login", "pass", "_PASS", "key=\"", "value=\"", "-u", "--user", "-p", "-P", "-pS3cret9x", "is", "was", "for the db", "=", ":", "=>",
            ",", "\"", "'", "\\", "abcdefghij", "x.y-z", "_", "Hunter2!", "s3cr3tV4l", ";", "\n", "\t", "@", "ſ", "K"};
        Random r = new Random(3);
        for (int t = 0; t < 30_000; t++) {
            StringBuilder b = new StringBuilder();
            for (int w = r.nextInt(14); w >= 0; w--) {
                b.append(words[r.nextInt(words.length)]);
                int sep = r.nextInt(4);
                b.append(sep == 0 ? " " : sep == 1 ? "" : sep == 2 ? "  " : ".");
            }
            String text = b.toString();
            assertThat(SecretsDetector.keyValueMatches(text)).as(text).containsExactlyElementsOf(SecretsDetector.keyValueMatchesPlain(text));
        }
    }

    /**
     * The name reaches stop at a char the {@code [\\w.\\-]} name prefix cannot match: on random texts of
     * secret-like fragments, non-ASCII look-alikes (long s, Kelvin sign, dotted I, emoji, no-break space) and
     * separators, the matches equal both a plain find and the previous windows (every offset up to 40 back).
     */
    @Test
    void keyValueNameReachesStopAtNonPrefixChars() {
        String[] parts = {"password", "PASSWD", "pwd", "passphrase", "passcode", "Secret", "token", "apiKey", "API_KEY", "accountkey",
            "SharedAccessKey", "login", "pass", "Pass", "_PASS", "key=\"", "value=\"", "-u ", "--user ", " -p", "-P", "is ", "was ", "for the db is ", "=", ":",
            ":=", "=>", "==", ",", "\"", "'", "\\", "db", "my.app-", "x_", "AWS", "sk-proj-a8F3kq92LmZx7Tq0vB4nW1yR", "Hunter2!",
            "s3cr3tV4l", "abc123", "u:pw@", ";", "\n", "\t", " ", "  ", ".", "-", "_", "\u017f", "\u212a", "\u0130", "\u00e9",
            "\ud83d\ude00", "\u00a0", "<", "[", "{", "$", "%", "@", "(", ")", "0123456789", "abcdefghijklmnopqrstuvwxyz"};
        Random r = new Random(11);
        int withMatches = 0;
        for (int t = 0; t < 40_000; t++) {
            StringBuilder b = new StringBuilder();
            for (int w = r.nextInt(24); w >= 0; w--) {
                b.append(parts[r.nextInt(parts.length)]);
            }
            String text = b.toString();
            List<int[]> plain = SecretsDetector.keyValueMatchesPlain(text);
            assertThat(SecretsDetector.keyValueMatches(text)).as(text).containsExactlyElementsOf(plain);
            assertThat(SecretsDetector.keyValueMatchesWide(text)).as(text).containsExactlyElementsOf(plain);
            withMatches += plain.isEmpty() ? 0 : 1;
        }
        assertThat(withMatches).isGreaterThan(1_000); // the texts do exercise the rule
    }
    /** Hand-written probes: credentials in HTTP headers, CLI calls and env files that the token rules alone missed. */
    @Test
    void headersCommandsAndEnvNames() {
        assertThat(types("GET /v1/items HTTP/1.1\nAuthorization: Bearer q7Wm_2.Kx9-4.Tz1P")).containsExactly("HTTP_BEARER_TOKEN");
        assertThat(types("curl -H 'authorization: SSWS 00Hq7Kd2Lm9Xw3Rt6Vb1Nz8Pj4Fs5Gc0Ya2Ue7Io' https://x.okta.com/api/v1/users"))
                .containsExactly("HTTP_BEARER_TOKEN");
        assertThat(types("Authorization: token 4f9c2a7e1b8d3f6a0c5e9b2d7f1a4c8e3b6d0f92")).containsExactly("HTTP_BEARER_TOKEN");
        // a JWT or a provider key keeps its own type; references and placeholders are no token
        assertThat(types("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"))
                .containsExactly("JWT");
        for (String ref : List.of("Authorization: Bearer $TOKEN", "Authorization: Bearer ${ACCESS_TOKEN}", "Authorization: Bearer <token>",
                "Authorization: Bearer YOUR_ACCESS_TOKEN", "Authorization: Bearer ACCESS_TOKEN", "authorization: bearer token",
                "The Authorization: Bearer header carries the token", "Authorization: Bearer xxxxxxxxxxxxxxxx")) {
            assertThat(types(ref)).as(ref).isEmpty();
        }
        assertThat(types("vault operator unseal Xq3m+o9ylRhVbTi+3o5ub6PbP843ocFUVOKgSYeypMDk")).containsExactly("VAULT_UNSEAL_KEY");
        assertThat(types("vault operator unseal -reset")).isEmpty();
        assertThat(types("REACT_APP_AUTH_PASS=whiteduke")).containsExactly("PASSWORD");
        assertThat(types("# SMTP_PASS=dolphin-river")).containsExactly("PASSWORD");
        for (String quiet : List.of("bypass=true", "compass=north", "SMTP_PASS=${SMTP_PASSWORD}", "pass=1", "let pass=PASSWORD")) {
            assertThat(types(quiet)).as(quiet).isEmpty();
        }
    }

    /** Azure DevOps personal access tokens since 2024: 84 chars, "JQQJ99" at 52 and "AZDO" at 76. */
    @Test
    void azureDevOpsTokensByTheirSignature() {
        String body = "Kq7Lm2Xw9Rt4Vb8Nz1Pj6Fs3Gc5Ya0Ue2Io7Hd4Ks9Lq1Wm6Xr3T";
        String pat = body + "JQQJ99BFACAAAAAJGcqjAAASAZDO9fkR";
        assertThat(pat).hasSize(84);
        assertThat(types("AZURE_DEVOPS_EXT_PAT " + pat)).containsExactly("AZURE_DEVOPS_TOKEN");
        assertThat(types(pat.replace("AZDO", "AZDX"))).doesNotContain("AZURE_DEVOPS_TOKEN");
        assertThat(types(pat.substring(1))).doesNotContain("AZURE_DEVOPS_TOKEN");
    }

    /** A key whose format allows a trailing '-' or '_' keeps it; a sentence's trailing dot is not part of a key. */
    @Test
    void formatsEndingInADash() {
        String key = "AIzaSyBnAoO3VNVUco4MXf4enYCVBg6ZnpY49N-";
        Detection d = secrets.detect("value=\"" + key).get(0);
        assertThat(d.type()).isEqualTo("GOOGLE_API_KEY");
        assertThat(d.end() - d.start()).isEqualTo(key.length());
        String text = "My key is AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY.";
        Detection e = secrets.detect(text).get(0);
        assertThat(text.substring(e.start(), e.end())).isEqualTo("AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY");
    }

    /** Values that are code, names or resource identifiers, not secrets. */
    @Test
    void namesCastsAndResourceIdsAreNotSecrets() {
        for (String quiet : List.of(
                "pwd = (char *) (p + ulen + 2);",
                "$pwd = \\$_POST[\"password\"];",
                "AdminPassword = \"arn:aws:iam::aws:policy/IAMUserChangePassword\"",
                "<input name=\"wp_plugin__s3member_amazon_s3_files_access_key\" type=\"text\">",
                "<add key=\"ConnectionString_B2B\" value=\"Server=db1;Database=B2B\" />")) {
            assertThat(types(quiet)).as(quiet).isEmpty();
        }
        assertThat(types("Data Source=sql01;User Id=sa;Password=#Qx7vLp2;")).containsExactly("PASSWORD");
        assertThat(types("pwd: #(db_password)")).isEmpty();
        assertThat(types("this.resetPassword = '#reset-password';")).isEmpty();
        // the same names with real values still are
        assertThat(types("<add key=\"ApiToken\" value=\"Kq7Lm2Xw9Rt4Vb8Nz1Pj6Fs3\" />")).isNotEmpty();
        assertThat(types("access_key = \"q8Zr2LkX7vPm4TnB9wYc3HdJ6sFg\"")).isNotEmpty();
    }
    /** Where two provider prefixes start at one place, the longer one decides: sk-ant- is Anthropic's, not OpenAI's sk-. */
    @Test
    void theLongestProviderPrefixWins() {
        assertThat(types("export ANTHROPIC_API_KEY=sk-ant-api03-Zq8vLm2Xx9Rk4Wp7Ny3Bc6Hd1Fj5Gs0Ka8Qe2Uo4Ir7YtPl3Mn6Bv9Cx2Zz5Aa1AA"))
                .containsExactly("ANTHROPIC_KEY");
        assertThat(types("OPENAI_API_KEY=sk-proj-Tq8vLm2Zx9Rk4Wp7Ny3Bc6Hd1Fj5Gs0Ka8Qe2Uo4Ir7Yt")).containsExactly("OPENAI_KEY");
    }

    /** -p is a password for mysql, but a port, project or path for other tools. */
    @Test
    void thePFlag() {
        assertThat(types("mysql -u root -pS3cr3tPw9 prod")).containsExactly("PASSWORD");
        assertThat(types("docker login -u acme -p Hq7kLm2pXz9Rt registry.acme.io")).containsExactly("PASSWORD");
        assertThat(types("sshpass -p bluewhale ssh admin@10.0.0.5")).containsExactly("PASSWORD");
        for (String quiet : List.of("docker run -p 8080:80 nginx", "docker run -p 127.0.0.1:5432:5432/tcp postgres", "mysql -u root -p prod",
                "ssh -p 2222 user@host", "gcc -pthread -o app main.c", "mysql -h db -P 3306 -u app -p", "mkdir -p build/output")) {
            assertThat(types(quiet)).as(quiet).isEmpty();
        }
    }

    /** A URL's password can follow an empty user name (Redis); a password that only names itself is a placeholder. */
    @Test
    void urlCredentialsWithoutUserAndPlaceholderPasswords() {
        assertThat(Detectors.secrets().detect("redis://:p4ssw0rdR3dis@cache.example.org:6379/0")).extracting(Detection::type)
                .containsExactly("URL_CREDENTIALS");
        assertThat(Detectors.secrets().detect("DATABASE_URL=postgres://user:password@localhost:5432/mydb")).isEmpty();
        assertThat(Detectors.secrets().detect("mongodb://admin:passwd@localhost:27017")).isEmpty();
        // "secret" may be a real (weak) password, and Nosey Parker labels "user:secret@localhost" a positive: still found
        assertThat(Detectors.secrets().detect("postgresql://user:secret@localhost/database")).isNotEmpty();
        assertThat(Detectors.secrets().detect("DATABASE_URL=postgres://admin:S3cr3tPassw0rd@db.internal:5432/prod"))
                .extracting(Detection::type).containsExactly("URL_CREDENTIALS");
    }

    /** Stripe's publishable keys are meant for browsers; its secret keys stay findings. */
    @Test
    void publishableKeysAreNotSecrets() {
        assertThat(Detectors.secrets().detect("\"publicKey\": \"pk_test_TYooMQauvdEDq54NiTphI7jx\"")).isEmpty();
        assertThat(Detectors.secrets().detect("STRIPE_PUBLISHABLE_KEY=pk_live_51HqLyjWDarjtT1zdp7dcXVNKk")).isEmpty();
        assertThat(Detectors.secrets().detect("STRIPE_SECRET=sk_live_51HqLyjWDarjtT1zdp7dcXVNKkTtaQ3a")).extracting(Detection::type)
                .containsExactly("STRIPE_KEY");
    }
}
