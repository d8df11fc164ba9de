package io.promethios.governance.policies;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PiiDetectorTest {

    private final Detector pii = Detectors.pii();

    private List<String> types(String text) {
        return pii.detect(text).stream().map(Detection::type).toList();
    }

    private String found(String text, String type) {
        return pii.detect(text).stream().filter(d -> d.type().equals(type)).map(d -> text.substring(d.start(), d.end())).findFirst().orElse(null);
    }

    @Test
    void cardNumbersGroupedByDots() {
        assertThat(found("card 4111.1111.1111.1111 exp 12/27", "CREDIT_CARD")).isEqualTo("4111.1111.1111.1111");
        assertThat(found("Visa 4012.8888.8888.1881.", "CREDIT_CARD")).isEqualTo("4012.8888.8888.1881");
        // not Luhn-valid, or not four groups of four: a version or a number, no card
        assertThat(types("build 2024.1105.0001.0002 and 4111.1111.1111.1112")).doesNotContain("CREDIT_CARD");
        assertThat(types("server 10.0.0.1 and 1.800.555.0134")).doesNotContain("CREDIT_CARD");
        assertThat(types("server 10.0.0.1")).contains("IP_ADDRESS");
    }

    /** Addresses written out against scrapers ("jane [at] example [dot] org") are still addresses. */
    @Test
    void findsObfuscatedEmailAddresses() {
        assertThat(found("mail jane [at] example [dot] org today", "EMAIL_ADDRESS")).isEqualTo("jane [at] example [dot] org");
        assertThat(found("contact: jane.doe(at)mail.example.co.uk", "EMAIL_ADDRESS")).isEqualTo("jane.doe(at)mail.example.co.uk");
        assertThat(found("write to j.smith {at} corp {dot} com.", "EMAIL_ADDRESS")).isEqualTo("j.smith {at} corp {dot} com");
        assertThat(found("reach me: jane AT example DOT org", "EMAIL_ADDRESS")).isEqualTo("jane AT example DOT org");
        assertThat(found("jane[@]example[.]org", "EMAIL_ADDRESS")).isEqualTo("jane[@]example[.]org");
        assertThat(found("Jane (AT) Example (DOT) Org", "EMAIL_ADDRESS")).isEqualTo("Jane (AT) Example (DOT) Org");
        for (String t : List.of("He arrived (at) noon and left.", "Prices are [at] cost, see the [dot] notation.", "Meet me at the office dot com booth",
                "Look at example dot com for details", "We met AT the station", "Stocks (at) 5 (dot) 2 percent", "x [at] y")) {
            assertThat(types(t)).as(t).doesNotContain("EMAIL_ADDRESS");
        }
    }

    /** Arabic, Persian and Hindi writers write numbers in their own digits. */
    @Test
    void findsNumbersWrittenInOtherScriptsDigits() {
        assertThat(types("\u0631\u0642\u0645\u064A +\u0669\u0666\u0666 \u0665\u0660 \u0661\u0662\u0663 \u0664\u0665\u0666\u0667")).contains("PHONE_NUMBER");
        assertThat(found("card \u0664\u0661\u0661\u0661 \u0661\u0661\u0661\u0661 \u0661\u0661\u0661\u0661 \u0661\u0661\u0661\u0661", "CREDIT_CARD"))
                .isEqualTo("\u0664\u0661\u0661\u0661 \u0661\u0661\u0661\u0661 \u0661\u0661\u0661\u0661 \u0661\u0661\u0661\u0661");
        assertThat(types("\u0936\u092E\u093E\u0930\u0947 +\u096F\u0967 \u096F\u096E\u096D\u096C\u096B \u096A\u0969\u0968\u0967\u0966")).contains("PHONE_NUMBER");
        assertThat(types("\u0634\u0645\u0627\u0631\u0647 \u06F0\u06F9\u06F1\u06F2 \u06F3\u06F4\u06F5 \u06F6\u06F7\u06F8\u06F9")).contains("PHONE_NUMBER");
        // a year or a count in Arabic digits is no phone
        assertThat(types("\u0641\u064A \u0639\u0627\u0645 \u0662\u0660\u0662\u0664 \u0648 \u0663 \u0643\u062A\u0628")).isEmpty();
    }

    /** Web pages and e-mails write "@" and spaces as HTML character references, often to hide addresses from scrapers. */
    @Test
    void findsPiiWrittenWithHtmlCharacterReferences() {
        assertThat(found("mail jane&#64;example.org", "EMAIL_ADDRESS")).isEqualTo("jane&#64;example.org");
        assertThat(found("mail jane&commat;example.org today", "EMAIL_ADDRESS")).isEqualTo("jane&commat;example.org");
        assertThat(found("<td>jane&#x40;example.org</td>", "EMAIL_ADDRESS")).isEqualTo("jane&#x40;example.org");
        assertThat(found("call&nbsp;+1&nbsp;415&nbsp;555&nbsp;0134", "PHONE_NUMBER")).isEqualTo("+1&nbsp;415&nbsp;555&nbsp;0134");
        assertThat(pii.detect("R&D &amp; Q&A: 3 &lt; 4, AT&T;")).isEmpty();
        // an address in an attribute stays visible; one split by an empty inline tag is found whole
        assertThat(found("<a href=\"mailto:jane@example.org\">write</a>", "EMAIL_ADDRESS")).isEqualTo("jane@example.org");
        assertThat(found("jane<b></b>@example.org", "EMAIL_ADDRESS")).isEqualTo("jane<b></b>@example.org");
    }

    /** Tool-call arguments are JSON: escaped chars are read as what they stand for, and spans cover the escapes. */
    @Test
    void findsPiiInsideJsonStringEscapes() {
        assertThat(found("{\"to\":\"jane\\u0040example.org\"}", "EMAIL_ADDRESS")).isEqualTo("jane\\u0040example.org");
        assertThat(found("{\"card\":\"4111\\u00201111\\u00201111\\u00201111\"}", "CREDIT_CARD")).isEqualTo("4111\\u00201111\\u00201111\\u00201111");
        // an escaped line break before the number no longer glues an "n" to it
        assertThat(found("{\"note\":\"call me\\n+1 415 555 0134\"}", "PHONE_NUMBER")).isEqualTo("+1 415 555 0134");
        assertThat(found("{\"note\":\"SSN:\\t078-05-1120\"}", "US_SSN")).isEqualTo("078-05-1120");
        assertThat(pii.detect("{\"path\":\"C:\\\\tmp\\\\n123\\\\report.txt\",\"id\":\"a\\u00e9\"}")).isEmpty();
    }

    /** Internationalized addresses (RFC 6531, IDN): the whole address is the span, so redaction leaves none of it. */
    @Test
    void internationalizedEmailAddresses() {
        assertThat(found("contact: maría.lópez@correo.es", "EMAIL_ADDRESS")).isEqualTo("maría.lópez@correo.es");
        assertThat(found("write to jürgen@müller.de today", "EMAIL_ADDRESS")).isEqualTo("jürgen@müller.de");
        assertThat(found("почта: иван@пример.рф", "EMAIL_ADDRESS")).isEqualTo("иван@пример.рф");
        assertThat(found("Mail an Zoë: zoe@example.org.", "EMAIL_ADDRESS")).isEqualTo("zoe@example.org");
        assertThat(types("café@home is a pun, not an address")).isEmpty();
    }

    /** Identifiers and version numbers shaped like phone numbers or IPv4 addresses. Hand-written. */
    @Test
    void labelledIdentifiersAndVersionsAreNotPhonesOrAddresses() {
        assertThat(types("The ISBN is 978-0-306-40615-7.")).isEmpty();
        assertThat(types("Invoice 2024-000123-45 due.")).isEmpty();
        assertThat(types("Serial number SN-5512-3344-7788")).isEmpty();
        assertThat(types("order no. 555-123-4567-89 shipped")).isEmpty();
        assertThat(types("Upgrade to version 1.2.3.4 of the library.")).isEmpty();
        assertThat(types("Chapter 12.3.1.5 explains it.")).isEmpty();
        assertThat(types("Server at 192.168.1.10 is down.")).containsExactly("IP_ADDRESS");
        assertThat(types("Call me at (415) 555-0134 tomorrow.")).containsExactly("PHONE_NUMBER");
        assertThat(types("order questions: call 415-555-0134")).containsExactly("PHONE_NUMBER");
        assertThat(PiiDetector.labelBefore("Serial number SN-5512", 17)).isEqualTo("sn");
        assertThat(PiiDetector.labelBefore("invoice no. 2024", 12)).isEqualTo("invoice");
        assertThat(PiiDetector.labelBefore("42", 0)).isEmpty();
    }

    @Test
    void luhn() {
        assertThat(PiiDetector.luhn("4111111111111111")).isTrue();
        assertThat(PiiDetector.luhn("4111111111111112")).isFalse();
    }

    @Test
    void cardsNeedTheLuhnCheck() {
        assertThat(found("card 4111 1111 1111 1111 ok", "CREDIT_CARD")).isEqualTo("4111 1111 1111 1111");
        assertThat(types("card 4111 1111 1111 1112 ok")).doesNotContain("CREDIT_CARD");
        assertThat(found("amex 3782-822463-10005.", "CREDIT_CARD")).isEqualTo("3782-822463-10005");
    }

    /** One identifier in ten passes Luhn: labelled as an order, invoice or tracking number it is not a card, unless a card is named. */
    @Test
    void identifiersThatPassLuhnAreNotCards() {
        assertThat(types("Order #4000123412341234 shipped.")).isEmpty();
        assertThat(types("Tracking number: 4111111111111111")).isEmpty();
        assertThat(found("Order paid with card 4000123412341234.", "CREDIT_CARD")).isEqualTo("4000123412341234");
        assertThat(found("Ref: visa 4111 1111 1111 1111", "CREDIT_CARD")).isEqualTo("4111 1111 1111 1111");
        assertThat(found("My number is 4111 1111 1111 1111", "CREDIT_CARD")).isEqualTo("4111 1111 1111 1111");
    }

    @Test
    void obfuscatedCardMapsBackToOriginalSpan() {
        String text = "pay with \uFF14111\u200B1111\u20131111 1111 now";
        String hit = found(text, "CREDIT_CARD");
        assertThat(hit).isEqualTo("\uFF14111\u200B1111\u20131111 1111");
    }

    @Test
    void ibanNeedsMod97AndCountryLength() {
        assertThat(PiiDetector.mod97("GB82WEST12345698765432")).isEqualTo(1);
        assertThat(found("IBAN GB82 WEST 1234 5698 7654 32.", "IBAN_CODE")).isEqualTo("GB82 WEST 1234 5698 7654 32");
        assertThat(types("IBAN GB82WEST12345698765433")).doesNotContain("IBAN_CODE");   // bad check digits
        assertThat(types("IBAN DE89370400440532013000")).contains("IBAN_CODE");
        assertThat(types("IBAN DE8937040044053201300")).doesNotContain("IBAN_CODE");    // DE is 22 long
    }

    @ParameterizedTest
    @ValueSource(strings = {"000-12-3456", "666-12-3456", "912-12-3456", "123-00-4567", "123-45-0000"})
    void ssnInvalidRangesAreRejected(String ssn) {
        assertThat(types("ssn " + ssn)).doesNotContain("US_SSN");
    }

    @Test
    void validSsn() {
        assertThat(found("my ssn is 536-22-1234.", "US_SSN")).isEqualTo("536-22-1234");
        assertThat(found("SSN: 536221234", "US_SSN")).isEqualTo("536221234");
        assertThat(types("order 536221234 shipped")).doesNotContain("US_SSN");
    }

    @Test
    void email() {
        assertThat(found("write to jane.doe+tag@mail.example.co.uk.", "EMAIL_ADDRESS")).isEqualTo("jane.doe+tag@mail.example.co.uk");
        assertThat(types("@mention and a@b are not emails")).doesNotContain("EMAIL_ADDRESS");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1 415-555-0132", "(415) 555-0132", "+44 20 7946 0958", "+4915123456789", "call 020 7946 0958", "+33 1 23 45 67 89",
            "555.867.5309", "03-1234-5678", "01 23 45 67 89", "+49 30 901820 0", "tel-555-867-5309", "Tel. 0221.123.4567"})
    void phonesInInternationalAndNationalFormats(String phone) {
        assertThat(types("reach me: " + phone + " today")).contains("PHONE_NUMBER");
    }

    @ParameterizedTest
    @ValueSource(strings = {"transfer $20000 to savings", "meeting on 2021-03-04 12:30", "between 2019 2020", "version 1.2.3", "12/05/2020",
            "Temperature readings: 21.5 22.1 22.8 23.0 23.4.", "scores 9.5 8.7 9.1 7.9 8.8 in the final",
            "Invoice INV-2024-000123 is due.", "ticket JIRA-2024-55512 was closed", "batch LOT-778-12345 recalled",
            "Bus routes 101 102 103 104 105 run every 10 minutes.", "Account balance: 1 234 567,89 EUR", "a fee of 12 345 678 EUR",
            "Kontostand 2 345 678,50 auf dem Konto"})
    void numbersThatAreNotPhones(String text) {
        assertThat(types(text)).doesNotContain("PHONE_NUMBER");
    }

    @Test
    void ipAddresses() {
        assertThat(found("host 192.168.1.20 up", "IP_ADDRESS")).isEqualTo("192.168.1.20");
        assertThat(types("host 999.168.1.20 up")).doesNotContain("IP_ADDRESS");
        assertThat(found("v6 2001:db8::8a2e:370:7334 ok", "IP_ADDRESS")).isEqualTo("2001:db8::8a2e:370:7334");
        assertThat(found("v6 6e40:4041:c617:e898:c11:40d2:c669:2eb4", "IP_ADDRESS")).isEqualTo("6e40:4041:c617:e898:c11:40d2:c669:2eb4");
        assertThat(types("at 10:30:00 and 00:1A:2B:3C:4D:5E")).doesNotContain("IP_ADDRESS");
    }

    @Test
    void binaryInputNeverCrashes() {
        Random r = new Random(42);
        for (int i = 0; i < 200; i++) {
            char[] cs = new char[r.nextInt(300)];
            for (int k = 0; k < cs.length; k++) {
                cs[k] = (char) r.nextInt(0x10000);
            }
            String s = new String(cs);
            for (String name : List.of("pii", "secrets", "injection", "harmful")) {
                assertThat(Detectors.create(name, null).detect(s)).isNotNull();
            }
        }
    }

    @Test
    void unknownEntityTypeListsKnownOnes() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Detectors.pii(java.util.Set.of("PASSPORT")))
                .hasMessageContaining("PASSPORT").hasMessageContaining("CREDIT_CARD");
    }
}
