package io.promethios.governance.policies;

import io.promethios.governance.policies.text.NormalizedText;
import io.promethios.governance.policies.text.TextNormalizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credential detector. One linear pass splits the text into credential-shaped tokens; each token
 * is checked against known provider formats by prefix (a {@code startsWith}, then a regex on the
 * token alone), and otherwise judged as a generic secret by its entropy <i>and</i> its context
 * (an assignment to a key, secret, token or password name just before it). Multi-part secrets
 * (private key blocks, URLs and connection strings with passwords, bot tokens) are found from
 * cheap literal anchors. No regular expression ever scans the whole text.
 */
final class SecretsDetector implements Detector {

    /** A provider format: token prefix, full-token pattern, finding type. */
    private record Format(String prefix, Pattern pattern, String type, Severity severity) {
    }

    private static Format f(String prefix, String regex, String type) {
        return new Format(prefix, Pattern.compile(regex), type, Severity.CRITICAL);
    }

    private static Format f(String prefix, String regex, String type, Severity severity) {
        return new Format(prefix, Pattern.compile(regex), type, severity);
    }

    private static final List<Format> FORMATS = List.of(
            // cloud
            f("AKIA", "AKIA[A-Z0-9]{16}", "AWS_ACCESS_KEY_ID"),
            f("ASIA", "ASIA[A-Z0-9]{16}", "AWS_ACCESS_KEY_ID"),
            f("ABIA", "ABIA[A-Z0-9]{16}", "AWS_ACCESS_KEY_ID"),
            f("ACCA", "ACCA[A-Z0-9]{16}", "AWS_ACCESS_KEY_ID"),
            f("A3T", "A3T[A-Z0-9][A-Z0-9]{16}", "AWS_ACCESS_KEY_ID"),
            f("AGPA", "AGPA[A-Z0-9]{16}", "AWS_ACCESS_KEY_ID", Severity.MEDIUM),
            f("AIDA", "AIDA[A-Z0-9]{16}", "AWS_ACCESS_KEY_ID", Severity.MEDIUM),
            f("AROA", "AROA[A-Z0-9]{16}", "AWS_ACCESS_KEY_ID", Severity.MEDIUM),
            f("IQoJb3JpZ2luX2Vj", "IQoJb3JpZ2luX2Vj[A-Za-z0-9+/]{100,}={0,2}", "AWS_SESSION_TOKEN"),
            f("FwoGZXIvYXdzE", "FwoGZXIvYXdzE[A-Za-z0-9+/]{100,}={0,2}", "AWS_SESSION_TOKEN"),
            f("amzn.mws.", "amzn\\.mws\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "AMAZON_MWS_TOKEN"),
            f("da2-", "da2-[a-z0-9]{26}", "AWS_APPSYNC_KEY"),
            f("AIza", "AIza[0-9A-Za-z_\\-]{35}", "GOOGLE_API_KEY"),
            f("ya29.", "ya29\\.[0-9A-Za-z_\\-.]{20,}", "GOOGLE_OAUTH_TOKEN"),
            f("GOCSPX-", "GOCSPX-[A-Za-z0-9_\\-]{20,}", "GOOGLE_OAUTH_SECRET"),
            f("dop_v1_", "dop_v1_[a-f0-9]{64}", "DIGITALOCEAN_TOKEN"),
            f("doo_v1_", "doo_v1_[a-f0-9]{64}", "DIGITALOCEAN_TOKEN"),
            f("dor_v1_", "dor_v1_[a-f0-9]{64}", "DIGITALOCEAN_TOKEN"),
            f("dapi", "dapi[a-f0-9]{32}(-\\d)?", "DATABRICKS_TOKEN"),
            f("dp.", "dp\\.(pt|st|ct|scim|audit|sa)\\.[A-Za-z0-9._\\-]{20,}", "DOPPLER_TOKEN"),
            f("hvs.", "hvs\\.[A-Za-z0-9_\\-]{24,}", "VAULT_TOKEN"),
            f("hvb.", "hvb\\.[A-Za-z0-9_\\-]{24,}", "VAULT_TOKEN"),
            f("hvr.", "hvr\\.[A-Za-z0-9_\\-]{24,}", "VAULT_TOKEN"),
            f("s.", "s\\.[A-Za-z0-9]{24}", "VAULT_TOKEN", Severity.HIGH),
            f("b.", "b\\.AAAAAQ[A-Za-z0-9_\\-]{20,}", "VAULT_TOKEN", Severity.HIGH),
            f("r.", "r\\.[A-Za-z0-9]{24}", "VAULT_TOKEN", Severity.HIGH),
            f("dt0", "dt0[a-z][0-9]{2}\\.[A-Z0-9]{24}\\.[A-Z0-9]{64}", "DYNATRACE_TOKEN"),
            f("glsa_", "glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}", "GRAFANA_TOKEN"),
            f("glc_", "glc_[A-Za-z0-9+/]{32,}={0,2}", "GRAFANA_TOKEN"),
            f("eyJrIjoi", "eyJrIjoi[A-Za-z0-9]{40,}={0,2}", "GRAFANA_TOKEN"),
            f("NRAK-", "NRAK-[A-Z0-9]{27}", "NEW_RELIC_KEY"),
            f("NRAA-", "NRAA-[a-f0-9]{27}", "NEW_RELIC_KEY"),
            f("NRII-", "NRII-[A-Za-z0-9_\\-]{32}", "NEW_RELIC_KEY"),
            f("NRIQ-", "NRIQ-[A-Za-z0-9_\\-]{32}", "NEW_RELIC_KEY"),
            f("NRRA-", "NRRA-[a-f0-9]{42}", "NEW_RELIC_KEY"),
            f("NRSP-", "NRSP-[a-z]{2}[0-9]{2}[a-f0-9]{31}", "NEW_RELIC_KEY"),
            f("NRJS-", "NRJS-[a-f0-9]{19}", "NEW_RELIC_KEY"),
            f("px-api-", "px-api-[a-f0-9\\-]{20,}", "NEW_RELIC_KEY"),
            f("px-dep-", "px-dep-[a-f0-9\\-]{20,}", "NEW_RELIC_KEY"),
            // source hosting, packages, CI
            f("ghp_", "ghp_[A-Za-z0-9]{36,}", "GITHUB_TOKEN"),
            f("gho_", "gho_[A-Za-z0-9]{36,}", "GITHUB_TOKEN"),
            f("ghu_", "ghu_[A-Za-z0-9]{36,}", "GITHUB_TOKEN"),
            f("ghs_", "ghs_[A-Za-z0-9]{36,}", "GITHUB_TOKEN"),
            f("ghr_", "ghr_[A-Za-z0-9]{36,}", "GITHUB_TOKEN"),
            f("Iv1.", "Iv1\\.[a-f0-9]{16}", "GITHUB_CLIENT_ID", Severity.LOW),
            f("github_pat_", "github_pat_[A-Za-z0-9_]{22,}", "GITHUB_TOKEN"),
            f("glpat-", "glpat-[A-Za-z0-9_\\-]{20,}", "GITLAB_TOKEN"),
            f("glptt-", "glptt-[A-Za-z0-9_\\-]{20,}", "GITLAB_TOKEN"),
            f("glrt-", "glrt-[A-Za-z0-9_\\-]{20,}", "GITLAB_TOKEN"),
            f("GR1348941", "GR1348941[A-Za-z0-9_\\-]{20,}", "GITLAB_TOKEN"),
            f("ATBB", "ATBB[A-Za-z0-9_=.\\-]{28,}", "BITBUCKET_TOKEN"),
            f("ATATT3", "ATATT3[A-Za-z0-9_=\\-]{30,}", "ATLASSIAN_TOKEN"),
            f("npm_", "npm_[A-Za-z0-9]{36}", "NPM_TOKEN"),
            f("pypi-", "pypi-AgE[A-Za-z0-9_\\-]{50,}", "PYPI_TOKEN"),
            f("rubygems_", "rubygems_[a-f0-9]{48}", "RUBYGEMS_TOKEN"),
            f("oy2", "oy2[a-z0-9]{43}", "NUGET_KEY"),
            f("cio", "cio[A-Za-z0-9]{32}", "CRATES_IO_TOKEN"),
            f("dckr_pat_", "dckr_pat_[A-Za-z0-9_\\-]{20,}", "DOCKER_HUB_TOKEN"),
            f("sgp_", "sgp_[A-Za-z0-9_]{32,}", "SOURCEGRAPH_TOKEN"),
            f("sqp_", "sq[pau]_[a-f0-9]{40}", "SONARQUBE_TOKEN"),
            f("squ_", "sq[pau]_[a-f0-9]{40}", "SONARQUBE_TOKEN"),
            f("sqa_", "sq[pau]_[a-f0-9]{40}", "SONARQUBE_TOKEN"),
            f("AKCp", "AKCp[A-Za-z0-9]{60,}", "ARTIFACTORY_KEY"),
            f("figd_", "figd_[A-Za-z0-9_\\-]{38,}", "FIGMA_TOKEN"),
            f("PMAK-", "PMAK-[a-f0-9]{24}-[a-f0-9]{34}", "POSTMAN_KEY"),
            f("hawk.", "hawk\\.[A-Za-z0-9_\\-]{20}\\.[A-Za-z0-9_\\-]{20}", "STACKHAWK_KEY"),
            f("eyJ0eXAiOiAiVENWMiJ9.", "eyJ0eXAiOiAiVENWMiJ9\\.[A-Za-z0-9_\\-]{20,}\\.[A-Za-z0-9_\\-]{20,}", "TEAMCITY_TOKEN"),
            f("odt_", "odt_[A-Za-z0-9]{32,}", "DEPENDENCY_TRACK_KEY"),
            // chat and mail
            f("xoxb-", "xoxb-[A-Za-z0-9\\-]{10,}", "SLACK_TOKEN"),
            f("xoxp-", "xoxp-[A-Za-z0-9\\-]{10,}", "SLACK_TOKEN"),
            f("xoxa-", "xoxa-[A-Za-z0-9\\-]{10,}", "SLACK_TOKEN"),
            f("xoxo-", "xoxo-[A-Za-z0-9\\-]{10,}", "SLACK_TOKEN"),
            f("xoxr-", "xoxr-[A-Za-z0-9\\-]{10,}", "SLACK_TOKEN"),
            f("xoxs-", "xoxs-[A-Za-z0-9\\-]{10,}", "SLACK_TOKEN"),
            f("xoxe", "xoxe(\\.xox[bp])?-[A-Za-z0-9\\-]{10,}", "SLACK_TOKEN"),
            f("xapp-", "xapp-[0-9]-[A-Za-z0-9\\-]{10,}", "SLACK_TOKEN"),
            f("SG.", "SG\\.[A-Za-z0-9_\\-]{16,32}\\.[A-Za-z0-9_\\-]{16,64}", "SENDGRID_KEY"),
            f("key-", "key-[a-z0-9]{32}", "MAILGUN_KEY"),
            f("SK", "SK[0-9a-f]{32}", "TWILIO_KEY"),
            f("pk.eyJ", "pk\\.eyJ[A-Za-z0-9_\\-]{20,}\\.[A-Za-z0-9_\\-]{20,}", "MAPBOX_TOKEN", Severity.MEDIUM),
            f("sk.eyJ", "sk\\.eyJ[A-Za-z0-9_\\-]{20,}\\.[A-Za-z0-9_\\-]{20,}", "MAPBOX_TOKEN"),
            f("tk.eyJ", "tk\\.eyJ[A-Za-z0-9_\\-]{20,}\\.[A-Za-z0-9_\\-]{20,}", "MAPBOX_TOKEN"),
            f("aio_", "aio_[A-Za-z0-9]{28}", "ADAFRUIT_IO_KEY"),
            f("p8e-", "p8e-[A-Za-z0-9\\-]{32}", "ADOBE_CLIENT_SECRET"),
            f("EAA", "EAA[A-Za-z0-9]{40,}", "FACEBOOK_TOKEN"),
            f("sl.", "sl\\.[A-Za-z0-9_\\-]{60,}", "DROPBOX_TOKEN"),
            f("live_", "live_[0-9]{6,12}_[A-Za-z0-9]{30}", "TWITCH_STREAM_KEY", Severity.HIGH),
            f("00D", "00D[A-Za-z0-9]{12,15}![A-Za-z0-9_.]{40,}", "SALESFORCE_TOKEN"),
            // payment
            f("sk_live_", "sk_live_[A-Za-z0-9]{10,}", "STRIPE_KEY"),
            f("rk_live_", "rk_live_[A-Za-z0-9]{10,}", "STRIPE_KEY"),
            f("sk_test_", "sk_test_[A-Za-z0-9]{10,}", "STRIPE_KEY", Severity.MEDIUM),
            f("rk_test_", "rk_test_[A-Za-z0-9]{10,}", "STRIPE_KEY", Severity.MEDIUM),
            f("whsec_", "whsec_[A-Za-z0-9+/=]{24,}", "STRIPE_WEBHOOK_SECRET"),
            f("sq0atp-", "sq0atp-[A-Za-z0-9_\\-]{22,}", "SQUARE_TOKEN"),
            f("sq0csp-", "sq0csp-[A-Za-z0-9_\\-]{40,}", "SQUARE_TOKEN"),
            f("EAAA", "EAAA[A-Za-z0-9_\\-+]{60,}", "SQUARE_TOKEN"),
            f("shpat_", "shpat_[a-fA-F0-9]{32}", "SHOPIFY_TOKEN"),
            f("shpca_", "shpca_[a-fA-F0-9]{32}", "SHOPIFY_TOKEN"),
            f("shppa_", "shppa_[a-fA-F0-9]{32}", "SHOPIFY_TOKEN"),
            f("shpss_", "shpss_[a-fA-F0-9]{32}", "SHOPIFY_TOKEN"),
            // LLM and AI providers
            f("sk-ant-", "sk-ant-[a-z]+\\d{2}-[A-Za-z0-9_\\-]{32,}", "ANTHROPIC_KEY"),
            f("sk-", "sk-(proj-|svcacct-|admin-)?[A-Za-z0-9_\\-]{20,}", "OPENAI_KEY"),
            f("gsk_", "gsk_[A-Za-z0-9]{40,}", "GROQ_KEY"),
            f("hf_", "hf_[A-Za-z]{30,}", "HUGGINGFACE_TOKEN"),
            f("api_org_", "api_org_[A-Za-z]{30,}", "HUGGINGFACE_TOKEN"),
            f("tvly-", "tvly-[A-Za-z0-9\\-]{28,}", "TAVILY_KEY"),
            f("fc-", "fc-[a-f0-9]{32}", "FIRECRAWL_KEY"),
            f("jina_", "jina_[A-Za-z0-9_\\-]{40,}", "JINA_KEY"),
            f("pcsk_", "pcsk_[A-Za-z0-9_]{40,}", "PINECONE_KEY"),
            f("r8_", "r8_[A-Za-z0-9]{37}", "REPLICATE_KEY"),
            f("pplx-", "pplx-[A-Za-z0-9]{40,}", "PERPLEXITY_KEY"),
            f("xai-", "xai-[A-Za-z0-9]{70,}", "XAI_KEY"),
            f("lsv2_pt_", "lsv2_(pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}", "LANGSMITH_KEY"),
            f("lsv2_sk_", "lsv2_(pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}", "LANGSMITH_KEY"),
            f("nvapi-", "nvapi-[A-Za-z0-9_\\-]{60,}", "NVIDIA_KEY"),
            // more SaaS and developer platforms (formats as their documentation describes them)
            f("lin_api_", "lin_api_[A-Za-z0-9]{40}", "LINEAR_KEY"),
            f("secret_", "secret_[A-Za-z0-9]{43}", "NOTION_TOKEN"),
            f("ntn_", "ntn_[A-Za-z0-9]{40,}", "NOTION_TOKEN"),
            f("sbp_", "sbp_[a-f0-9]{40}", "SUPABASE_TOKEN"),
            f("sntrys_", "sntrys_[A-Za-z0-9+/=_]{60,}", "SENTRY_TOKEN"),
            f("sntryu_", "sntryu_[a-f0-9]{64}", "SENTRY_TOKEN"),
            f("pul-", "pul-[a-f0-9]{40}", "PULUMI_TOKEN"),
            f("fo1_", "fo1_[A-Za-z0-9_\\-]{43}", "FLYIO_TOKEN"),
            f("pscale_tkn_", "pscale_tkn_[A-Za-z0-9_.\\-]{32,64}", "PLANETSCALE_TOKEN"),
            f("pscale_pw_", "pscale_pw_[A-Za-z0-9_.\\-]{32,64}", "PLANETSCALE_TOKEN"),
            f("pscale_oauth_", "pscale_oauth_[A-Za-z0-9_.\\-]{32,64}", "PLANETSCALE_TOKEN"),
            f("shippo_live_", "shippo_live_[a-f0-9]{40}", "SHIPPO_TOKEN"),
            f("shippo_test_", "shippo_test_[a-f0-9]{40}", "SHIPPO_TOKEN", Severity.MEDIUM),
            f("EZAK", "EZAK[A-Za-z0-9]{54}", "EASYPOST_KEY"),
            f("EZTK", "EZTK[A-Za-z0-9]{54}", "EASYPOST_KEY", Severity.MEDIUM),
            f("HRKU-", "HRKU-[A-Za-z0-9_\\-]{40,}", "HEROKU_KEY"),
            f("CFPAT-", "CFPAT-[A-Za-z0-9_\\-]{43}", "CONTENTFUL_TOKEN"),
            f("FLWSECK", "FLWSECK(_TEST)?-[a-f0-9]{32}-X", "FLUTTERWAVE_KEY"),
            f("rzp_live_", "rzp_live_[A-Za-z0-9]{14}", "RAZORPAY_KEY_ID", Severity.MEDIUM),
            f("xkeysib-", "xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16}", "BREVO_KEY"),
            f("mlsn.", "mlsn\\.[a-f0-9]{64}", "MAILERSEND_TOKEN"),
            f("glcbt-", "glcbt-[A-Za-z0-9_\\-]{20,}", "GITLAB_TOKEN"),
            f("gldt-", "gldt-[A-Za-z0-9_\\-]{20,}", "GITLAB_TOKEN"),
            f("glft-", "glft-[A-Za-z0-9_\\-]{20,}", "GITLAB_TOKEN"),
            f("glsoat-", "glsoat-[A-Za-z0-9_\\-]{20,}", "GITLAB_TOKEN"),
            f("LTAI", "LTAI[A-Za-z0-9]{12,20}", "ALIBABA_ACCESS_KEY_ID"),
            f("AKID", "AKID[A-Za-z0-9]{32}", "TENCENT_SECRET_ID"),
            f("ops_eyJ", "ops_eyJ[A-Za-z0-9+/=_\\-]{200,}", "ONEPASSWORD_TOKEN"),
            f("ico-", "ico-[A-Za-z0-9]{32}", "INFRACOST_KEY"),
            f("rdme_", "rdme_[a-z0-9]{70}", "README_KEY"),
            f("duffel_live_", "duffel_live_[A-Za-z0-9_\\-]{43}", "DUFFEL_TOKEN"),
            f("duffel_test_", "duffel_test_[A-Za-z0-9_\\-]{43}", "DUFFEL_TOKEN", Severity.MEDIUM),
            f("fio-u-", "fio-u-[A-Za-z0-9_=\\-]{64}", "FRAMEIO_TOKEN"),
            f("CLOJARS_", "CLOJARS_[a-z0-9]{60}", "CLOJARS_TOKEN"),
            f("tfp_", "tfp_[A-Za-z0-9_.=\\-]{59}", "TYPEFORM_TOKEN"),
            f("pnu_", "pnu_[A-Za-z0-9]{36}", "PREFECT_TOKEN"),
            f("SCW", "SCW[A-Z0-9]{17}", "SCALEWAY_ACCESS_KEY_ID"),
            // keys as strings
            // a public recipient, not a secret: infrastructure disclosure only (LOW), like cloud identifiers
            f("age1", "age1[02-9ac-hj-np-z]{58}", "AGE_RECIPIENT", Severity.LOW),
            f("AGE-SECRET-KEY-1", "AGE-SECRET-KEY-1[0-9A-Z]{58}", "AGE_SECRET_KEY"),
            f("LS0tLS1CRUdJTi", "LS0tLS1CRUdJTi[A-Za-z0-9+/=]{40,}", "PRIVATE_KEY"),
            f("eyJ", "eyJ[A-Za-z0-9_\\-]{8,}\\.eyJ[A-Za-z0-9_\\-]{4,}\\.[A-Za-z0-9_\\-]{8,}", "JWT", Severity.HIGH));

    private static final AhoCorasick PREFIXES;

    static {
        List<String> ps = new ArrayList<>();
        for (Format fm : FORMATS) {
            ps.add(fm.prefix());
        }
        PREFIXES = AhoCorasick.of(ps);
    }

    /** Literal anchors for multi-part secrets. */
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN[ A-Z0-9]{0,20}PRIVATE KEY( BLOCK)?-----[\\s\\S]{0,10000}?(-----END[ A-Z0-9]{0,20}PRIVATE KEY( BLOCK)?-----|\\z)");
    private static final Pattern URL_CREDENTIALS = Pattern.compile(
            "[a-zA-Z][a-zA-Z0-9+.\\-]{1,20}://([^\\s:/@\"'<>]{0,64}):([^\\s@/\"'<>]{3,128})@[A-Za-z0-9.\\-_\\[\\]]+");
    /** A URL's password that only names what goes there ("postgres://user:password@localhost"). */
    private static final Set<String> PLACEHOLDER_PASSWORDS = Set.of("password", "passwd", "pass", "pwd", "pw",
            "mypassword", "yourpassword", "user_password", "db_password", "dbpassword");
    private static final Pattern TELEGRAM = Pattern.compile("\\b[0-9]{8,10}:AA[A-Za-z0-9_\\-]{33}");
    private static final Pattern WEBHOOK = Pattern.compile(
            "https://(hooks\\.slack\\.com/(services|workflows)/[A-Za-z0-9+/_\\-]{20,}|outlook\\.office(365)?\\.com/webhook/[A-Za-z0-9@/_\\-]{20,}|[a-z0-9\\-]+\\.webhook\\.office\\.com/webhookb2/[A-Za-z0-9@/_\\-]{20,}|discord(app)?\\.com/api/webhooks/[0-9]+/[A-Za-z0-9_\\-]{20,})");
    private static final Pattern PASSWORD_HASH = Pattern.compile(
            "\\$(2[abxy]?\\$\\d{2}\\$[./A-Za-z0-9]{53}|1\\$[./A-Za-z0-9]{1,8}\\$[./A-Za-z0-9]{22}|5\\$(rounds=\\d+\\$)?[./A-Za-z0-9]{1,16}\\$[./A-Za-z0-9]{43}|6\\$(rounds=\\d+\\$)?[./A-Za-z0-9]{1,16}\\$[./A-Za-z0-9]{86}|krb5asrep\\$23\\$([^\\s:$]{1,200}:)?[a-f0-9]{32}\\$[a-f0-9]{64,}|9\\$[./A-Za-z0-9]{14}\\$[./A-Za-z0-9]{43}|8\\$[./A-Za-z0-9]{14}\\$[./A-Za-z0-9]{43})");
    private static final Pattern KEYVALUE_PASSWORD = Pattern.compile(
            "(?i)\\b[\\w.\\-]{0,40}?(password|passwd|pwd|passphrase|secret|token|apikey|api_key|accountkey|sharedaccesskey|login)[\\w\\-]{0,20}[\"']?\\s{0,8}(=>|:=|==|=|:|,)\\s{0,8}\\\\?[\"']([^\"'\\s<>\\[{;\\\\]{4,200})\\\\?[\"']"
            // unquoted: "PASSWORD=..." or, as in YAML and env listings, "DB_PASSWORD: ..." when the value has a digit or symbol (not a path)
            + "|(?i)\\b[\\w.\\-]{0,40}?(password|passwd|pwd|accountkey|sharedaccesskey)\\s{0,3}(?:=|:(?=\\s{0,3}(?![/~.])[^;\"'\\s<>\\[{]*[0-9@#$%^&*_!]))\\s{0,3}([^;\"'\\s<>\\[{]{4,200})"
            + "|(?i)\\b(password|passphrase|passcode)\\s+(is|was|(?:for|of)\\s[^.\\n]{1,50}?\\s(?:is|was))\\s+[\"']([^\"'\\s]{3,100})[\"']"
            + "|(?i)key=\"[^\"]{0,40}(password|secret|token|pwd|apikey)[^\"]{0,40}\"\\s+value=\"([^\"\\s]{4,200})\""
            + "|(?i)(?:^|\\s)(-u|--user)\\s+['\"]?[^\\s:'\"]{1,100}:([^\\s'\"@]{4,200})"
            + "|(?i)\\s-(p|password|pass|pwd)\\s+['\"]?([^\\s'\"$%][^\\s'\"]{3,100})"
            // in prose without quotes ("my password is hunter2"): a value with a letter and a digit or symbol, not a word
            + "|(?i)\\b(password|passphrase|passcode)\\s+(?:is|was|:)\\s+(?=[^\\s\"']*[0-9@#$%^&*_])(?=[^\\s\"']*[A-Za-z])([^\\s\"'.,;!?()]{6,100})"
            // env and config names that end in PASS ("SMTP_PASS=...", "db.pass=..."): the word itself or after a separator
            + "|(?i)\\b(?:[\\w.\\-]{0,40}?[_.\\-])?pass\\s{0,3}=\\s{0,3}([^;\"'\\s<>\\[{]{4,200})"
            // a password attached to -p, as mysql and mysqldump take it ("-pS3cret9"): letters and digits, so not -pthread or -p8080
            + "|\\s-p(?=[^\\s'\"]*[0-9])(?=[^\\s'\"]*[A-Za-z])([^\\s'\"$%\\-][^\\s'\"]{5,100})");
    /**
     * Where KEYVALUE_PASSWORD can match: its first two alternatives start with {@code \\b[\\w.\\-]{0,40}?}, so
     * a plain {@code find()} tries them at every offset. Every match contains, counting from its start: a
     * name word at most 40 chars in (alternatives 1 and 2; 3 starts with password or passphrase, or
     * with passcode), {@code key="} (4), {@code -u} at most 2 chars in (5: a space or the text start, then
     * {@code -u} or {@code --user}), {@code -p} 1 char in (6), {@code pass} at most 40 chars in (8), {@code -p} 1 char
     * in (9). Running the regex only at those offsets gives the same matches (SecretsDetectorTest compares it with plain
     * find).
     *
     * <p>A match of alternative 1 or 2 has only {@code [\\w.\\-]} chars (ASCII: no UNICODE_CHARACTER_CLASS, and
     * CASE_INSENSITIVE without UNICODE_CASE folds ASCII only) between its start and the name word, so the name
     * reaches go back only over such chars ({@link RulePrefilter.Reach#over}): {@code api_key} after a space is
     * tried at 1 offset, not 41 (alternative 3 starts at the word itself, offset 0).
     */
    private static final RulePrefilter KEYVALUE_WINDOWS = keyValueWindows(true);

    /** The windows without {@link RulePrefilter.Reach#over}: every offset up to 40 chars before a name (the previous path, for tests). */
    private static final class Wide {
        static final RulePrefilter WINDOWS = keyValueWindows(false);
    }

    /** The chars of {@code [\\w.\\-]} as KEYVALUE_PASSWORD matches them (ASCII only). */
    private static final String NAME_PREFIX_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-";

    private static RulePrefilter keyValueWindows(boolean over) {
        String o = over ? NAME_PREFIX_CHARS : null;
        List<RulePrefilter.Reach> reaches = new ArrayList<>();
        for (String name : List.of("password", "passwd", "pwd", "passphrase", "secret", "token", "apikey", "api_key", "accountkey",
                "sharedaccesskey", "login", "pass")) {
            reaches.add(new RulePrefilter.Reach(name, 40, o));
        }
        reaches.addAll(List.of(new RulePrefilter.Reach("passcode", 0), new RulePrefilter.Reach("key=\"", 0),
                new RulePrefilter.Reach("-u", 2), new RulePrefilter.Reach("-p", 1)));
        return new RulePrefilter(List.of(KEYVALUE_PASSWORD), java.util.Map.of(0, reaches), java.util.Map.of());
    }

    /** The matches of KEYVALUE_PASSWORD, as a {@code while (m.find())} loop over {@code s} finds them. */
    static List<int[]> keyValueMatches(String s) {
        List<int[]> out = new ArrayList<>();
        forEachKeyValue(s, m -> out.add(new int[] {m.start(), m.end()}));
        return out;
    }

    /** The matches as the windows without {@link RulePrefilter.Reach#over} find them (the previous path, for tests). */
    static List<int[]> keyValueMatchesWide(String s) {
        List<int[]> out = new ArrayList<>();
        forEachKeyValue(Wide.WINDOWS, s, m -> out.add(new int[] {m.start(), m.end()}));
        return out;
    }

    private static void forEachKeyValue(String s, java.util.function.Consumer<Matcher> sink) {
        forEachKeyValue(KEYVALUE_WINDOWS, s, sink);
    }

    private static void forEachKeyValue(RulePrefilter windows, String s, java.util.function.Consumer<Matcher> sink) {
        RulePrefilter.Scan scan = windows.scan(s);
        int from = 0;
        for (Matcher m = scan.find(0, 0); m != null; m = scan.find(0, from)) {
            sink.accept(m);
            from = m.end() == m.start() ? m.end() + 1 : m.end();
        }
    }

    /** Plain find over the whole text, for tests. */
    static List<int[]> keyValueMatchesPlain(String s) {
        List<int[]> out = new ArrayList<>();
        Matcher m = KEYVALUE_PASSWORD.matcher(s);
        while (m.find()) {
            out.add(new int[] {m.start(), m.end()});
        }
        return out;
    }

    /** Formats recognised by their suffix: MailChimp ({@code hex32-usN}), New Relic license keys ({@code hex36NRAL}). */
    private static final Pattern MAILCHIMP = Pattern.compile("[0-9a-f]{32}-us[0-9]{1,2}");
    private static final Pattern NEW_RELIC_LICENSE = Pattern.compile("[0-9a-f]{36}NRAL");
    /** HTTP Basic credentials: the base64 value must decode to {@code user:password}. */
    private static final Pattern BASIC_AUTH = Pattern.compile("(?i)\\bbasic\\s+([A-Za-z0-9+/]{8,300}={0,2})(?![A-Za-z0-9+/=])");
    /** Credential-taking .NET constructors with literal arguments. */
    private static final Pattern DOTNET_CREDENTIAL = Pattern.compile(
            "\\bNetworkCredential\\s*\\(\\s*@?\"[^\"\\n]{0,100}\"\\s*,\\s*@?\"([^\"\\n]{3,100})\""
            + "|\\bDirectoryEntry\\s*\\(\\s*@?\"[^\"\\n]{0,200}\"\\s*,\\s*@?\"[^\"\\n]{0,100}\"\\s*,\\s*@?\"([^\"\\n]{3,100})\"");
    /** {@code .netrc} entries: {@code machine HOST login USER password PASS}, in any whitespace. */
    private static final Pattern NETRC = Pattern.compile(
            "\\bmachine\\s+\\S{1,200}\\s+login\\s+\\S{1,200}\\s+password\\s+([^\\s\"'$%]\\S{2,200})");
    /** A key share given to {@code vault operator unseal} (base64 of the share's bytes), after any flags. */
    private static final Pattern VAULT_UNSEAL = Pattern.compile(
            "\\bvault\\s+operator\\s+unseal\\s+(?:-[\\w=\\-]+\\s+){0,8}([A-Za-z0-9+/]{40,}={0,2})(?![A-Za-z0-9+/=])");
    /**
     * An {@code Authorization} header (or a field of that name) with a bearer-like scheme: {@code Bearer} (RFC 6750),
     * {@code token} (GitHub and others), {@code SSWS} (Okta). The value is RFC 6750's token68 alphabet.
     */
    private static final Pattern AUTH_HEADER = Pattern.compile(
            "(?i)\\bauthorization[\"']?\\s{0,4}[:=]\\s{0,4}[\"']?(?:bearer|token|ssws)\\s+([A-Za-z0-9._~+/\\-]{8,500}=*)(?![A-Za-z0-9._~+/\\-=$%{}<>])");

    /** ThingsBoard device API: the device access token is a path segment before a device endpoint. */
    private static final Pattern DEVICE_TOKEN_PATH = Pattern.compile(
            "/api/v1/([A-Za-z0-9]{20})/(telemetry|attributes|rpc|claim|firmware|software|provision)\\b");
    /** An AWS account id assigned to an AWS-account-like name (LOW: identifier, not a secret). */
    private static final Pattern AWS_ACCOUNT_ID = Pattern.compile(
            "(?i)aws_?account_?id[\"']?\\s{0,4}[:=]\\s{0,4}[\"']?([0-9]{12})\\b");
    /** Cloud resource identifiers: not secrets, but infrastructure disclosure (LOW severity). */
    private static final Pattern CLOUD_IDENTIFIER = Pattern.compile(
            "\\barn:aws[a-z\\-]*:[a-z0-9\\-]+:[a-z0-9\\-]*:([0-9]{12})?:[A-Za-z0-9_/:.\\-*]+"
            + "|\\bs3[.\\-]([a-z0-9\\-]+\\.)?amazonaws\\.com/[a-z0-9][a-z0-9.\\-]{2,62}|\\b[a-z0-9][a-z0-9.\\-]{2,62}\\.s3[.\\-]([a-z0-9\\-]+\\.)?amazonaws\\.com|\\bs3://[a-z0-9][a-z0-9.\\-]{2,62}"
            + "|\\bstorage\\.googleapis\\.com/[a-z0-9][a-z0-9._\\-]{2,62}|\\b[a-z0-9][a-z0-9._\\-]{0,221}\\.storage\\.googleapis\\.com|\\bgs://[a-z0-9][a-z0-9._\\-]{2,62}"
            + "|\\b[0-9]{6,14}-[a-z0-9]{32}\\.apps\\.googleusercontent\\.com|\\b[a-z0-9][a-z0-9\\-]{1,60}\\.myshopify\\.com");

    private static final AhoCorasick ANCHORS = AhoCorasick.of(List.of(
            "private key", "://", ":aa", "hooks.slack.com", "webhook.office.com", "discord", "$2", "$1$", "$5$", "$6$",
            "$krb5", "$9$", "$8$", "password=", "pwd=", "passwd=", "pass=", "secret=", "token=", "apikey=", "api_key=",
            "accountkey=", "sharedaccesskey=", "password", "passwd", "pwd", "passphrase", "passcode", "secret", "token", "apikey",
            "api_key", "login", "arn:aws", "amazonaws.com", "s3://", "googleapis.com", "gs://", "googleusercontent.com", "myshopify.com", "outlook.office", " -u ", "--user", " -p",
            "machine", "/api/v1/", "account_id", "accountid", "basic ", "networkcredential", "directoryentry", "unseal", "authorization"));

    /** Names that, right before a value, say the value is a credential. */
    private static final AhoCorasick SECRET_NAMES = AhoCorasick.of(List.of(
            "key", "secret", "token", "password", "passwd", "pwd", "pass", "auth", "credential", "bearer", "private",
            "access", "api", "signature", "salt", "session", "cookie", "client_id", "clientid", "sid", "license", "login", "pat",
            // Code Climate's test reporter id is a write credential, documented as a CI secret (CC_TEST_REPORTER_ID)
            "reporter_id"));

    private final double minEntropy;

    SecretsDetector(double minEntropy) {
        this.minEntropy = minEntropy;
    }

    @Override
    public String name() {
        return "secrets";
    }

    @Override
    public List<Detection> detect(String text) {
        NormalizedText nt = TextNormalizer.withoutConfusableFolding().apply(text);
        String s = nt.normalized();
        List<int[]> raw = new ArrayList<>();      // {start, end, typeIndex, conf, sev}
        List<String> types = new ArrayList<>();
        boolean authorization = anchored(s, raw, types);
        tokens(s, raw, types);
        if (authorization) {
            authorizationHeaders(s, raw, types);
        }
        // by start, the longest first, and for one span the most severe (a provider's key over the generic PASSWORD
        // that its assignment also matches); otherwise in the order found
        raw.sort(Comparator.<int[]>comparingInt(a -> a[0]).thenComparingInt(a -> -a[1]).thenComparingInt(a -> -a[4]));
        List<Detection> out = new ArrayList<>();
        int lastEnd = -1;
        for (int[] r : raw) {
            if (r[0] < lastEnd) {
                continue;
            }
            int[] o = nt.toOriginal(r[0], r[1]);
            out.add(new Detection(types.get(r[2]), o[0], o[1], r[3] / 100.0, Severity.values()[r[4]]));
            lastEnd = r[1];
        }
        return out;
    }

    private static void add(List<int[]> raw, List<String> types, int start, int end, String type, int conf, Severity sev) {
        types.add(type);
        raw.add(new int[] {start, end, types.size() - 1, conf, sev.ordinal()});
    }

    /** The findings of the anchored rules; returns whether the text has an {@code authorization} anchor (for {@link #authorizationHeaders}). */
    private boolean anchored(String s, List<int[]> raw, List<String> types) {
        List<AhoCorasick.Match> hits = ANCHORS.findAll(s);
        if (hits.isEmpty()) {
            return false;
        }
        boolean authorization = false;
        boolean pem = false;
        boolean url = false;
        boolean tg = false;
        boolean hook = false;
        boolean hash = false;
        boolean kv = false;
        boolean ids = false;
        boolean netrc = false;
        boolean device = false;
        boolean account = false;
        boolean basic = false;
        boolean dotnet = false;
        boolean unseal = false;
        for (AhoCorasick.Match m : hits) {
            switch (m.phrase()) {
                case 0 -> pem = true;
                case 1 -> url = true;
                case 2 -> tg = true;
                case 3, 4, 5 -> hook = true;
                case 6, 7, 8, 9, 10, 11, 12 -> hash = true;
                case 33, 34, 35, 36, 37, 38, 39 -> ids = true;
                case 40 -> hook = true;
                case 44 -> netrc = true;
                case 45 -> device = true;
                case 46, 47 -> account = true;
                case 48 -> basic = true;
                case 49, 50 -> dotnet = true;
                case 51 -> unseal = true;
                case 52 -> authorization = true;
                default -> kv = true;
            }
        }
        if (pem) {
            find(PEM, 0, s, raw, types, "PRIVATE_KEY", 99, Severity.CRITICAL);
        }
        if (url) {
            Matcher m = URL_CREDENTIALS.matcher(s);
            while (m.find()) {
                String pw = m.group(2);
                if (!isPlaceholder(pw) && !PLACEHOLDER_PASSWORDS.contains(pw.toLowerCase(Locale.ROOT)) && !pw.startsWith("$") && !pw.startsWith("%")
                        && !m.group(1).equalsIgnoreCase("anonymous")) {
                    add(raw, types, m.start(), m.end(), "URL_CREDENTIALS", 90, Severity.CRITICAL);
                }
            }
        }
        if (tg) {
            find(TELEGRAM, 0, s, raw, types, "TELEGRAM_BOT_TOKEN", 95, Severity.CRITICAL);
        }
        if (hook) {
            find(WEBHOOK, 0, s, raw, types, "WEBHOOK_URL", 95, Severity.HIGH);
        }
        if (hash) {
            find(PASSWORD_HASH, 0, s, raw, types, "PASSWORD_HASH", 90, Severity.HIGH);
        }
        if (kv) {
            forEachKeyValue(s, m -> {
                int g = 0;
                for (int k : new int[] {3, 5, 8, 10, 12, 14, 16, 17, 18}) {
                    if (m.group(k) != null) {
                        g = k;
                        break;
                    }
                }
                String v = m.group(g);
                // a secret, token or API key is generated, a password chosen: only the former can be a typed sequence
                String name = g == 3 ? m.group(1) : g == 5 ? m.group(4) : g == 10 ? m.group(9) : "password";
                boolean generated = !name.regionMatches(true, 0, "pass", 0, 4) && !name.equalsIgnoreCase("pwd") && !name.equalsIgnoreCase("login");
                // "-p" also means a port (docker, ssh): a number or a port mapping after it is not a password; mysql and
                // mariadb take the password attached ("-pS3cret9"), so "mysql -u root -p prod" names a database
                boolean otherFlag = g == 14 && m.group(13).equalsIgnoreCase("p")
                        && (PORT.matcher(v).matches() || MYSQL_COMMAND.matcher(s).region(lineStart(s, m.start()), m.start()).find());
                if (v != null && !otherFlag && !isPlaceholder(v) && !looksLikeCode(v) && !(generated && isTypedSequence(v))
                        && !anonymousLogin(s, m.start(g))) {
                    add(raw, types, m.start(g), m.end(g), "PASSWORD", 80, Severity.HIGH);
                }
            });
        }
        if (netrc) {
            Matcher m = NETRC.matcher(s);
            while (m.find()) {
                if (!isPlaceholder(m.group(1)) && !looksLikeCode(m.group(1)) && !anonymousLogin(s, m.start(1))) {
                    add(raw, types, m.start(1), m.end(1), "PASSWORD", 85, Severity.HIGH);
                }
            }
        }
        if (device) {
            Matcher m = DEVICE_TOKEN_PATH.matcher(s);
            while (m.find()) {
                if (mixed(m.group(1)) && !isPlaceholder(m.group(1))) {
                    add(raw, types, m.start(1), m.end(1), "DEVICE_ACCESS_TOKEN", 75, Severity.HIGH);
                }
            }
        }
        if (basic) {
            Matcher m = BASIC_AUTH.matcher(s);
            while (m.find()) {
                if (isBasicCredential(m.group(1))) {
                    add(raw, types, m.start(1), m.end(1), "HTTP_BASIC_CREDENTIALS", 90, Severity.CRITICAL);
                }
            }
        }
        if (dotnet) {
            Matcher m = DOTNET_CREDENTIAL.matcher(s);
            while (m.find()) {
                int g = m.group(1) != null ? 1 : 2;
                if (!isPlaceholder(m.group(g)) && !looksLikeCode(m.group(g))) {
                    add(raw, types, m.start(g), m.end(g), "PASSWORD", 85, Severity.HIGH);
                }
            }
        }
        if (unseal) {
            Matcher m = VAULT_UNSEAL.matcher(s);
            while (m.find()) {
                if (!isTokenPlaceholder(m.group(1))) {
                    add(raw, types, m.start(1), m.end(1), "VAULT_UNSEAL_KEY", 95, Severity.CRITICAL);
                }
            }
        }
        if (account) {
            find(AWS_ACCOUNT_ID, 1, s, raw, types, "CLOUD_IDENTIFIER", 60, Severity.LOW);
        }
        if (ids) {
            find(CLOUD_IDENTIFIER, 0, s, raw, types, "CLOUD_IDENTIFIER", 60, Severity.LOW);
        }
        return authorization;
    }

    /**
     * Tokens in {@link #AUTH_HEADER}s. Run after the token rules: a JWT or a provider key in the header keeps its own type;
     * a generic judgement of the same value gives way to this one (more severe, so it sorts first).
     */
    private static void authorizationHeaders(String s, List<int[]> raw, List<String> types) {
        int at = indexOfIgnoreAsciiCase(s, "authorization");
        if (at < 0) {
            return;
        }
        Matcher m = AUTH_HEADER.matcher(s).useTransparentBounds(true);
        m.region(at, s.length());
        while (m.find()) {
            String v = m.group(1);
            boolean digit = false;
            boolean upper = false;
            boolean lower = false;
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                digit |= c >= '0' && c <= '9';
                upper |= c >= 'A' && c <= 'Z';
                lower |= c >= 'a' && c <= 'z';
            }
            if (!(digit || v.length() >= 20 && upper && lower) || isTokenPlaceholder(v) || looksLikeCode(v)) {
                continue;
            }
            boolean typed = false;
            for (int[] r : raw) {
                String t = types.get(r[2]);
                typed |= r[0] < m.end(1) && m.start(1) < r[1] && !t.equals("GENERIC_SECRET") && !t.equals("PASSWORD");
            }
            if (!typed) {
                add(raw, types, m.start(1), m.end(1), "HTTP_BEARER_TOKEN", 90, Severity.CRITICAL);
            }
        }
    }

    /** The first index of {@code lower} (ASCII lower-case) in {@code s}, ASCII case ignored, or -1. */
    private static int indexOfIgnoreAsciiCase(String s, String lower) {
        char first = lower.charAt(0);
        for (int i = 0; i + lower.length() <= s.length(); i++) {
            if ((s.charAt(i) | 0x20) == first && s.regionMatches(true, i, lower, 0, lower.length())) {
                return i;
            }
        }
        return -1;
    }

    /** A user name set to {@code anonymous}: {@code user = "anonymous"}, {@code login anonymous}, {@code -> user: anonymous}. */
    private static final Pattern ANONYMOUS_USER = Pattern.compile(
            "(?i)(?<![a-z])(user(name)?|login|uid)[\"']?\\s{0,4}(=>|:=|=|:|->)?\\s{0,4}[\"']?anonymous\\b");

    /**
     * Whether the password at {@code valueStart} belongs to an anonymous login set on the same line or at
     * most two lines above. By convention (RFC 1635, anonymous FTP) such a password is an e-mail address or
     * an ident anyone may send, not a secret.
     */
    private static boolean anonymousLogin(String s, int valueStart) {
        int from = valueStart;
        for (int k = 0; k < 3 && from > 0; k++) {
            from = s.lastIndexOf('\n', from - 1);
            from = from < 0 ? 0 : from;
        }
        from = Math.max(from, valueStart - 200);
        // the literal first: most passwords have no anonymous user, and the regex would try every offset
        for (int i = from; i + 9 <= valueStart; i++) {
            if ((s.charAt(i) | 0x20) == 'a' && s.regionMatches(true, i, "anonymous", 0, 9)) {
                return ANONYMOUS_USER.matcher(s).region(from, valueStart).find();
            }
        }
        return false;
    }

    /** A base64 value that decodes to printable {@code user:password} with a non-placeholder password. */
    static boolean isBasicCredential(String b64) {
        byte[] raw;
        try {
            raw = java.util.Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String d = new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1);
        int colon = d.indexOf(':');
        if (colon <= 0 || colon >= d.length() - 1) {
            return false;
        }
        for (int i = 0; i < d.length(); i++) {
            if (d.charAt(i) < 0x20 || d.charAt(i) > 0x7e) {
                return false;
            }
        }
        String pw = d.substring(colon + 1);
        return !isPlaceholder(pw) && !pw.startsWith("$") && !pw.equalsIgnoreCase("password");
    }

    /** Values that are code or references, not literal secrets. */
    private static boolean looksLikeCode(String v) {
        char c = v.charAt(0);
        String l = v.toLowerCase(Locale.ROOT);
        if (l.matches("[a-z_\\-]+") && (l.contains("password") || l.contains("secret") || l.contains("token")) && (l.contains("_") || l.contains("-"))) {
            return true; // an identifier such as edit_password names a field, it is not one
        }
        if (v.indexOf('/') > 0 && l.equals(v) && v.chars().allMatch(ch -> ch >= 'a' && ch <= 'z' || ch == '/' || ch == '#' || ch == '_' || ch == '-' || ch == ':' || ch == '.')) {
            return true; // a lower-case route or path such as users/passwords#update
        }
        if (l.startsWith("arn:") || v.startsWith("\\$") || v.startsWith("\\%")) {
            return true; // a resource name, an escaped variable
        }
        // '#' starts a template (#{...}, #(...)), a comment or a CSS selector (#add-password), but also passwords ("Password=#Qx7vLp2;")
        boolean hashRef = c == '#' && (v.length() == 1 || !PiiDetector.isAsciiAlnum(v.charAt(1)) || SELECTOR.matcher(v).matches());
        return c == '$' || c == '%' || c == '@' || c == '&' || c == '/' || hashRef || c == '.' || c == '(' || v.endsWith(":") || CALL.matcher(v).matches() || v.contains("${") || v.startsWith("process.env")
                || v.startsWith("os.") || v.startsWith("env.") || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")
                || v.equalsIgnoreCase("null") || v.equalsIgnoreCase("none") || v.equalsIgnoreCase("password") || v.equalsIgnoreCase("secret")
                || v.equalsIgnoreCase("required") || v.equalsIgnoreCase("string") || v.equalsIgnoreCase("text");
    }

    /** An element id as CSS and URLs write it: {@code #add-password}. */
    private static final Pattern SELECTOR = Pattern.compile("#[a-z][a-z_\\-]*");

    /** What a {@code -p} flag takes when it is a port: a number or a port mapping. */
    private static final Pattern PORT = Pattern.compile("[0-9.]+(:[0-9.]+)*(/(tcp|udp))?");
    /** The mysql and mariadb clients, whose {@code -p} takes no separate value. */
    private static final Pattern MYSQL_COMMAND = Pattern.compile("\\b(mysql|mysqldump|mysqladmin|mariadb|mariadb-dump)(\\.exe)?\\s");

    private static int lineStart(String s, int at) {
        return s.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
    }

    /** A function or method call such as {@code getpass()} or {@code os.environ.get(...)}. */
    private static final Pattern CALL = Pattern.compile("[A-Za-z_][\\w.\\->:]*\\(.*\\)");

    private static void find(Pattern p, int group, String s, List<int[]> raw, List<String> types, String type, int conf, Severity sev) {
        Matcher m = p.matcher(s);
        while (m.find()) {
            add(raw, types, m.start(group), m.end(group), type, conf, sev);
        }
    }

    private static boolean isTokenChar(char c) {
        return PiiDetector.isAsciiAlnum(c) || c == '_' || c == '-' || c == '+' || c == '/' || c == '.' || c == '!' || c == '~';
    }

    private void tokens(String s, List<int[]> raw, List<String> types) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            if (!isTokenChar(s.charAt(i))) {
                i++;
                continue;
            }
            int j = i;
            while (j < n && isTokenChar(s.charAt(j))) {
                j++;
            }
            // base64 padding belongs to the token; an '=' followed by more token chars is an assignment
            while (j < n && s.charAt(j) == '=' && (j + 1 >= n || !isTokenChar(s.charAt(j + 1)) || s.charAt(j + 1) == '=')) {
                j++;
            }
            int end = j;
            while (end > i && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == '-' || s.charAt(end - 1) == '/')) {
                end--;
            }
            if (end - i >= 10) {
                judgeToken(s, i, end, j, raw, types);
            }
            i = j;
        }
    }

    /**
     * Judges the token {@code s[start, end)}; {@code rawEnd} is where it ended before trailing dots, dashes and slashes
     * were cut (a provider format whose alphabet has them, such as a Google API key ending in '-', is tried on that too).
     */
    private void judgeToken(String s, int start, int end, int rawEnd, List<int[]> raw, List<String> types) {
        String token = s.substring(start, end);
        boolean knownPrefixFailed = false;
        // known formats: a prefix at the token start or after a non-alphanumeric char inside it
        List<AhoCorasick.Match> prefixHits = PREFIXES.findAll(token);
        if (prefixHits.size() > 1) {
            // at one start the longest prefix first: sk-ant- is Anthropic's before sk- is OpenAI's
            prefixHits = new ArrayList<>(prefixHits);
            prefixHits.sort(Comparator.comparingInt(AhoCorasick.Match::start)
                    .thenComparingInt(h -> -FORMATS.get(h.phrase()).prefix().length()));
        }
        for (AhoCorasick.Match m : prefixHits) {
            int at = m.start();
            if (at > 0 && PiiDetector.isAsciiAlnum(token.charAt(at - 1))) {
                continue;
            }
            Format fm = FORMATS.get(m.phrase());
            if (!token.startsWith(fm.prefix(), at)) {
                continue; // case differs
            }
            // a distinctive provider prefix (with its separator) whose body breaks the provider's format is
            // a made-up or redacted value (px-dep-d4c3-h8g7-...), not an unknown secret: no generic judgement
            knownPrefixFailed |= at == 0 && fm.prefix().length() >= 4 && (fm.prefix().indexOf('-') >= 0 || fm.prefix().indexOf('_') >= 0);
            Matcher mm = formatAt(fm, token, at, s, end);
            if (mm == null && rawEnd > end) {
                mm = formatAt(fm, s.substring(start, rawEnd), at, s, rawEnd);
            }
            if (mm != null) {
                if (!isTokenPlaceholder(mm.group())) {
                    add(raw, types, start + at, start + mm.end(), fm.type(), 95, fm.severity());
                }
                return;
            }
        }
        int len = token.length();
        if (len == 36 || len == 37) {
            if (MAILCHIMP.matcher(token).matches() && !isTokenPlaceholder(token)) {
                add(raw, types, start, end, "MAILCHIMP_KEY", 95, Severity.CRITICAL);
                return;
            }
        } else if (len == 40 && NEW_RELIC_LICENSE.matcher(token).matches() && !isTokenPlaceholder(token)) {
            add(raw, types, start, end, "NEW_RELIC_KEY", 95, Severity.CRITICAL);
            return;
        } else if (len == 84 && isAzureDevOpsToken(token) && !isTokenPlaceholder(token)) {
            add(raw, types, start, end, "AZURE_DEVOPS_TOKEN", 95, Severity.CRITICAL);
            return;
        }
        // generic: high entropy and named like a secret right before it
        if (len < 16 || len > 512 || !mixed(token) || isTokenPlaceholder(token)) {
            return;
        }
        if (knownPrefixFailed || looksLikePathOrWord(token) || looksLikeIdentifier(token) || namesAKeyValuePair(s, end)) {
            return;
        }
        double h = entropy(token);
        boolean hex = token.chars().allMatch(c -> Character.digit(c, 16) >= 0);
        double needed = hex ? Math.min(minEntropy, 3.0) : minEntropy;
        if (h < needed) {
            return;
        }
        if (token.startsWith("pk_live_") || token.startsWith("pk_test_")) {
            return; // a Stripe publishable key: public by design, shipped to browsers
        }
        if (hasSecretName(s, start) || hasSecretLabelAbove(s, start, end)) {
            add(raw, types, start, end, "GENERIC_SECRET", 70, Severity.HIGH);
        }
    }

    /** The provider format {@code fm} at {@code at} in {@code token}, ending at a non-alphanumeric char (and not a call), or null. */
    private static Matcher formatAt(Format fm, String token, int at, String s, int end) {
        Matcher mm = fm.pattern().matcher(token);
        mm.region(at, token.length());
        if (mm.lookingAt() && (mm.end() == token.length() || !PiiDetector.isAsciiAlnum(token.charAt(mm.end())))
                && (mm.end() < token.length() || end >= s.length() || s.charAt(end) != '(')) {
            return mm;
        }
        return null;
    }

    /**
     * Azure DevOps personal access tokens since 2024 (Microsoft's announcement of the new format): 84 alphanumeric
     * chars with the fixed signature {@code JQQJ99} at 52 and {@code AZDO} at 76.
     */
    static boolean isAzureDevOpsToken(String t) {
        if (t.length() != 84 || !t.startsWith("JQQJ99", 52) || !t.startsWith("AZDO", 76)) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            if (!PiiDetector.isAsciiAlnum(t.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A program identifier such as {@code ws_plugin__s2member_files_access_key}: three or more parts joined by '_' or '-',
     * in one letter case, with digits under 15% of the chars. A random token of lower-case letters and digits has about
     * 28% digits; a generated token with three separators in one case is rare.
     */
    static boolean looksLikeIdentifier(String t) {
        int parts = 1;
        int digits = 0;
        boolean upper = false;
        boolean lower = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '_' || c == '-') {
                parts += i > 0 && t.charAt(i - 1) != c ? 1 : 0;
            } else if (c >= '0' && c <= '9') {
                digits++;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= 'a' && c <= 'z') {
                lower = true;
            } else {
                return false;
            }
        }
        return parts >= 3 && !(upper && lower) && digits * 100 < t.length() * 15;
    }

    /** The token is the name in a key/value attribute pair: {@code <add key="NAME" value="...">}. */
    private static boolean namesAKeyValuePair(String s, int end) {
        int i = end;
        if (i < s.length() && s.charAt(i) == '\\') {
            i++;
        }
        if (i >= s.length() || s.charAt(i) != '"' && s.charAt(i) != '\'') {
            return false;
        }
        int j = i + 1;
        while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
            j++;
        }
        if (j == i + 1 || !s.regionMatches(true, j, "value", 0, 5)) {
            return false;
        }
        j += 5;
        while (j < s.length() && s.charAt(j) == ' ') {
            j++;
        }
        return j < s.length() && s.charAt(j) == '=';
    }

    private static boolean hasSecretName(String s, int tokenStart) {
        int from = Math.max(0, tokenStart - 48);
        int lineStart = s.lastIndexOf('\n', tokenStart - 1);
        if (lineStart >= from) {
            // allow the name on the previous line for YAML/JSON blocks only when the line ends with ':'
            from = lineStart + 1;
        }
        String before = s.substring(from, tokenStart);
        if (before.trim().isEmpty()) {
            return false;
        }
        char last = before.charAt(before.length() - 1);
        boolean assignment = before.indexOf('=') >= 0 || before.indexOf(':') >= 0 || last == '"' || last == '\'' || last == ' '
                || before.indexOf(',') >= 0 || before.indexOf('(') >= 0;
        return assignment && SECRET_NAMES.containsAny(before);
    }

    private static final Pattern GENERIC_HOLDER = Pattern.compile("(?i)\\s*(default|value)\\s*[=:]\\s*[\"']?");

    /**
     * The credential name is on the line above: a value alone on its line under a label that ends with
     * ':' and names a credential ("use the following password:"), or a generic holder
     * ({@code default = "..."}, {@code value: ...}) inside a block whose header names one
     * ({@code variable "api_token" {}).
     */
    private static boolean hasSecretLabelAbove(String s, int start, int end) {
        int lineStart = s.lastIndexOf('\n', start - 1) + 1;
        int lineEnd = s.indexOf('\n', end);
        lineEnd = lineEnd < 0 ? s.length() : lineEnd;
        String before = s.substring(lineStart, start);
        boolean alone = before.isBlank() && s.substring(end, lineEnd).isBlank();
        boolean holder = !alone && GENERIC_HOLDER.matcher(before).matches();
        if (!alone && !holder || lineStart == 0) {
            return false;
        }
        // nearest non-blank line above, at most two lines up
        int to = lineStart - 1;
        for (int k = 0; k < 3 && to > 0; k++) {
            int from = s.lastIndexOf('\n', to - 1) + 1;
            String prev = s.substring(from, to).strip();
            if (!prev.isEmpty()) {
                if (prev.length() > 200) {
                    return false;
                }
                return (holder ? prev.endsWith("{") || prev.endsWith(":") : prev.endsWith(":")) && SECRET_NAMES.containsAny(prev);
            }
            to = from - 1;
        }
        return false;
    }

    private static boolean mixed(String t) {
        boolean digit = false;
        boolean letter = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            digit |= PiiDetector.isDigit(c);
            letter |= PiiDetector.isAsciiLetter(c);
        }
        return digit && letter;
    }

    private static boolean looksLikePathOrWord(String t) {
        // file paths, dotted package names and URLs are not secrets
        int slashes = 0;
        int dots = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '/') {
                slashes++;
            } else if (c == '.') {
                dots++;
            }
        }
        return slashes >= 3 && t.length() < 48 || dots >= 3 || t.startsWith("/") || t.startsWith("http");
    }

    /** Shannon entropy in bits per char. */
    static double entropy(String t) {
        int[] counts = new int[128];
        int other = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < 128) {
                counts[c]++;
            } else {
                other++;
            }
        }
        double h = 0;
        double n = t.length();
        for (int c : counts) {
            if (c > 0) {
                double p = c / n;
                h -= p * (Math.log(p) / Math.log(2));
            }
        }
        if (other > 0) {
            double p = other / n;
            h -= p * (Math.log(p) / Math.log(2));
        }
        return h;
    }

    /** Placeholders and documentation values, not credentials. */
    static boolean isPlaceholder(String v) {
        String l = v.toLowerCase(Locale.ROOT);
        if (l.contains("xxxx") || l.contains("****") || l.contains("example") || l.contains("placeholder") || l.contains("your_")
                || l.contains("your-") || l.contains("yourkey") || l.contains("changeme") || l.contains("dummy") || l.contains("redacted")
                || l.contains("sample") || l.contains("<") || l.contains("${") || l.contains("{{") || l.contains("fake")
                || l.contains("replace") || l.contains("insert") || l.contains("0000000000") || l.contains("1234567890")
                || l.contains("abcdef") || l.contains("a1b2c3") || l.startsWith("[")) {
            return true;
        }
        // long runs of one char
        int run = 1;
        for (int i = 1; i < l.length(); i++) {
            run = l.charAt(i) == l.charAt(i - 1) ? run + 1 : 1;
            if (run >= 6) {
                return true;
            }
        }
        return false;
    }

    /**
     * A generated token (provider key, high-entropy value) with six or more consecutive ascending or
     * descending letters or digits ({@code ghijkl}, {@code 987654}, case ignored) was typed by hand as a
     * placeholder. In a random 40-char base62 token such a run has probability about 2 * 35 / 62^5 (8e-8),
     * in a random 64-char hex token about 2 * 59 / 16^5 (1e-4). Not applied to passwords, which people
     * choose and which often end in {@code 123456}.
     */
    static boolean isTypedSequence(String v) {
        int up = 1;
        int down = 1;
        for (int i = 1; i < v.length(); i++) {
            char c = Character.toLowerCase(v.charAt(i));
            char p = Character.toLowerCase(v.charAt(i - 1));
            boolean alnum = PiiDetector.isAsciiAlnum(c) && PiiDetector.isAsciiAlnum(p);
            up = alnum && c == p + 1 ? up + 1 : 1;
            down = alnum && c == p - 1 ? down + 1 : 1;
            if (up >= 6 || down >= 6) {
                return true;
            }
        }
        return false;
    }

    /** A generated value that is a placeholder: {@link #isPlaceholder} or {@link #isTypedSequence}. */
    private static boolean isTokenPlaceholder(String v) {
        return isPlaceholder(v) || isTypedSequence(v);
    }
}
