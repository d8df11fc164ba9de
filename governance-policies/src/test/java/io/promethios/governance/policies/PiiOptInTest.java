package io.promethios.governance.policies;

import io.promethios.governance.core.Verdict;
import io.promethios.governance.policies.doc.PolicyDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The opt-in PII types: DOMAIN_NAME, DATE_TIME, ZIP_CODE, AGE. */
class PiiOptInTest {

    private static final Set<String> OPT_IN = Set.of("DOMAIN_NAME", "DATE_TIME", "ZIP_CODE", "AGE");

    private final Detector optIn = Detectors.pii(OPT_IN);

    /** The texts of the findings of one type, in order. */
    private List<String> found(String text, String type) {
        return optIn.detect(text).stream().filter(d -> d.type().equals(type)).map(d -> text.substring(d.start(), d.end())).toList();
    }

    // ------------------------------------------------------------ default set

    @Test
    void defaultDetectorDoesNotReportOptInTypes() {
        String text = "Visit www.example.org on 2021-03-04 at 14:30, ZIP: 94105, I am 38 years old.";
        assertThat(Detectors.pii().detect(text)).extracting(Detection::type).doesNotContainAnyElementsOf(OPT_IN);
        assertThat(Detectors.pii(Set.of()).detect(text)).isEmpty();
        assertThat(Detectors.create("pii", Map.of()).detect(text)).isEmpty();
        assertThat(optIn.detect(text)).extracting(Detection::type).containsExactly("DOMAIN_NAME", "DATE_TIME", "ZIP_CODE", "AGE");
    }

    @Test
    void optInTypesCombineWithDefaultOnes() {
        Detector both = Detectors.pii(Set.of("EMAIL_ADDRESS", "DOMAIN_NAME", "DATE_TIME"));
        String text = "mail jane@mail.example.com or see example.com by 3/4/2021";
        assertThat(both.detect(text)).extracting(d -> d.type() + "=" + text.substring(d.start(), d.end()))
                .containsExactly("EMAIL_ADDRESS=jane@mail.example.com", "DOMAIN_NAME=example.com", "DATE_TIME=3/4/2021");
    }

    @Test
    void unknownEntityTypeListsAllKnownOnes() {
        assertThatThrownBy(() -> Detectors.pii(Set.of("BIRTHDAY")))
                .hasMessageContaining("BIRTHDAY").hasMessageContaining("IP_ADDRESS").hasMessageContaining("DOMAIN_NAME")
                .hasMessageContaining("DATE_TIME").hasMessageContaining("ZIP_CODE").hasMessageContaining("AGE");
    }

    @Test
    void policyDocumentEnablesAnOptInType() {
        DetectorPolicy p = PolicyDocuments.loader().fromString("""
                {"id": "dates", "detector": "pii", "parameters": {"entities": ["DATE_TIME"]}, "action": "redact"}
                """, "dates.json").get(0);
        var d = p.evaluate(Contexts.of("born on 12/24/1990, card 4111 1111 1111 1111"));
        assertThat(d.verdict()).isEqualTo(Verdict.TRANSFORM);
        assertThat(d.replacements()).extracting(r -> r.text()).containsExactly("[DATE_TIME]");
    }

    // ------------------------------------------------------------ DOMAIN_NAME

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "see https://shop.example.co.uk/cart?id=1 now | shop.example.co.uk",
            "http://Example.COM:8080/ | Example.COM",
            "go to www.example.org. | www.example.org",
            "host=api.internal-tools.io | api.internal-tools.io",
            "our site acme-widgets.de is down | acme-widgets.de",
            "www.setup.py | www.setup.py",
            "post on x.com | x.com"})
    void domainNames(String text, String host) {
        assertThat(found(text, "DOMAIN_NAME")).containsExactly(host);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "mail jane.doe@example.com", "run setup.py and main.rs", "open README.md", "src/lib.py", "obj.method.call()",
            "in Paris.It was late", "pi is 3.14 and v1.2.3", "e.g. i.e. a.m. U.S.", "example.invalidtld", "-bad-.com",
            "Safari.app", "foo..com", "archive.zip"})
    void notDomainNames(String text) {
        assertThat(found(text, "DOMAIN_NAME")).isEmpty();
    }

    @Test
    void domainSpanMapsBackThroughNormalization() {
        // fullwidth letters and full stop, a zero-width space inside
        String text = "site ｅｘａｍｐｌｅ．ｃｏｍ and shop.\u200Bexample.net";
        assertThat(found(text, "DOMAIN_NAME")).containsExactly("ｅｘａｍｐｌｅ．ｃｏｍ", "shop.\u200Bexample.net");
    }

    // ------------------------------------------------------------ DATE_TIME

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "on 2021-03-04 we | 2021-03-04",
            "at 2021-03-04T14:30:05Z ok | 2021-03-04T14:30:05Z",
            "When: 1999-12-31 23:59:59 Where | 1999-12-31 23:59:59",
            "born 12/24/1990. | 12/24/1990",
            "born 24/12/1990 | 24/12/1990",
            "due 24.12.2020 | 24.12.2020",
            "due 6/24/91 | 6/24/91",
            "leap 2020-02-29 | 2020-02-29",
            "on March 3, 2021 | March 3, 2021",
            "on 3 March 2021 | 3 March 2021",
            "the 3rd of March | 3rd of March",
            "by Sept. 14th | Sept. 14th",
            "in December 2019 | December 2019",
            "on march 3, 2021 | march 3, 2021",
            "meet at 14:30 | 14:30",
            "at 2:30 pm | 2:30 pm",
            "at 11 a.m. sharp | 11 a.m.",
            "wake at 6am | 6am",
            "see you Tuesday | Tuesday",
            "Tue, 3 Mar 2021 10:00 | Tue, 3 Mar 2021 10:00",
            "due Friday, March 5 | Friday, March 5"})
    void dates(String text, String date) {
        assertThat(found(text, "DATE_TIME")).containsExactly(date);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "in 2019 we grew", "2021-02-30", "2019-02-29", "13/13/2020", "31/04/2021", "version 1.2.2020.5", "ip 10.1.12.2020",
            "25:00", "12:61", "ratio 1/2", "I may 5 times", "march 3 miles", "the sun sat on wed", "call 555-12-2021",
            "00:1A:2B:3C", "12:34:56:78", "13 pm", "last week", "the 90s"})
    void notDates(String text) {
        assertThat(found(text, "DATE_TIME")).isEmpty();
    }

    @Test
    void dateSpanMapsBackThroughNormalization() {
        String text = "on ２０２１－０３－０４ and 12/\u200B24/1990";
        assertThat(found(text, "DATE_TIME")).containsExactly("２０２１－０３－０４", "12/\u200B24/1990");
    }

    // ------------------------------------------------------------ ZIP_CODE

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ZIP: 94105 | 94105",
            "my zip code is 12345-6789. | 12345-6789",
            "zipcode #02139 | 02139",
            "Postal code: SW1A 1AA | SW1A 1AA",
            "postcode K1A 0B1 | K1A 0B1",
            "post code 1234 AB | 1234 AB",
            "ZIP 340 12 | 340 12"})
    void zipCodesAfterACue(String text, String zip) {
        assertThat(found(text, "ZIP_CODE")).containsExactly(zip);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dallas, TX 75201", "order 94105 shipped", "zipper 12345", "zip it 12345", "ZIP: 12", "postal code 1234567"})
    void noZipCodeWithoutACue(String text) {
        assertThat(found(text, "ZIP_CODE")).isEmpty();
    }

    // ------------------------------------------------------------ AGE

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "she is 38 years old | 38",
            "a 38-year-old man | 38",
            "I'm 7 y/o | 7",
            "aged 81, he | 81",
            "Age: 42 | 42",
            "at the age of 45 | 45",
            "21 years of age | 21",
            "he just turned 60. | 60",
            "I'll turn 23 | 23"})
    void agesWithContext(String text, String age) {
        assertThat(found(text, "AGE")).containsExactly(age);
    }

    @ParameterizedTest
    @ValueSource(strings = {"38 years later", "page 12", "usage 40", "turned 180 degrees", "turn 2 pages", "it is 150 years old",
            "age 3.5 mm", "the 38 members"})
    void noAgeWithoutContext(String text) {
        assertThat(found(text, "AGE")).isEmpty();
    }

    // ------------------------------------------------------------ contract

    @Test
    void neverThrowsOnBinaryOrUnpairedSurrogates() {
        Random r = new Random(7);
        for (int i = 0; i < 300; i++) {
            char[] cs = new char[r.nextInt(300)];
            for (int k = 0; k < cs.length; k++) {
                // bias towards the scanners' alphabet so they get far
                cs[k] = r.nextBoolean() ? "0123456789/-.: aAmMpPzZyY@".charAt(r.nextInt(26)) : (char) r.nextInt(0x10000);
            }
            String s = new String(cs);
            assertThat(optIn.detect(s)).allSatisfy(d -> assertThat(d.start()).isBetween(0, d.end()));
        }
        assertThat(optIn.detect("\uD800 3/4/2021 \uDC00 www.example.com \uDBFF")).extracting(Detection::type)
                .containsExactly("DATE_TIME", "DOMAIN_NAME");
    }

    @Test
    void isThreadSafe() {
        String text = "From www.example.org: meet 3 March 2021 at 2:30 pm, ZIP: 94105, aged 38.";
        List<Detection> expected = optIn.detect(text);
        assertThat(expected).hasSize(4);
        IntStream.range(0, 2000).parallel().forEach(i -> assertThat(optIn.detect(text)).isEqualTo(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1/", "1/2/", "a.", "a-", "zip ", "age ", "12:", "March ", "Monday, ", "1 ", "www."})
    void linearOnLongRepetitiveInput(String unit) {
        String evil = unit.repeat(200_000);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> optIn.detect(evil));
    }
}
