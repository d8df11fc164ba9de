package io.promethios.governance.policies;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PiiDetector#ibans}, which looks only where two digits follow two letters, against the
 * per-char scan it replaced (kept here as the reference): the same spans on texts made of the
 * pieces IBANs are made of.
 */
class PiiScanTest {

    @Test
    void ibanScanEqualsThePerCharReferenceOnGeneratedTexts() {
        Random random = new Random(20261125);
        String[] pieces = {"DE89 3704 0044 0532 0130 00", "GB82WEST12345698765432", "gb82 west 1234 5698 7654 32", "FR14",
                "de89370400440532013000", "NL91ABNA0417164300", "XX12", "DE", "89", " ", "  ", "a", "Z", "7", "0", "-", ".",
                "IBAN ", "word", "é", "\n", "12", "AB12CD34", "DE89 3704 0044 0532 0130 0", "NO9386011117947", "MT84MALT011000012345MTLCAST001S"};
        for (int t = 0; t < 40_000; t++) {
            StringBuilder sb = new StringBuilder();
            int parts = 1 + random.nextInt(12);
            for (int p = 0; p < parts; p++) {
                String piece = pieces[random.nextInt(pieces.length)];
                if (random.nextInt(8) == 0 && piece.length() > 1) {
                    int cut = random.nextInt(piece.length());
                    piece = piece.substring(0, cut) + piece.substring(cut + 1); // a char dropped
                }
                sb.append(piece);
            }
            String s = sb.toString();
            List<int[]> fast = new ArrayList<>();
            PiiDetector.ibans(s, fast);
            List<int[]> reference = new ArrayList<>();
            ibansPerChar(s, reference);
            assertThat(fast).as(s).usingElementComparator((a, b) -> java.util.Arrays.compare(a, b)).containsExactlyElementsOf(reference);
        }
    }

    @Test
    void ibansAtTheEdgesOfTheText() {
        for (String s : List.of("DE89370400440532013000", "xDE89370400440532013000", "DE89370400440532013000x", "DE8937040044053201300",
                "Pay DE89 3704 0044 0532 0130 00.", "DE89 3704 0044 0532 0130 00 and GB82 WEST 1234 5698 7654 32", "", "DE89", "D")) {
            List<int[]> fast = new ArrayList<>();
            PiiDetector.ibans(s, fast);
            List<int[]> reference = new ArrayList<>();
            ibansPerChar(s, reference);
            assertThat(fast).as(s).usingElementComparator((a, b) -> java.util.Arrays.compare(a, b)).containsExactlyElementsOf(reference);
        }
        List<int[]> two = new ArrayList<>();
        PiiDetector.ibans("DE89 3704 0044 0532 0130 00 and GB82 WEST 1234 5698 7654 32", two);
        assertThat(two).hasSize(2);
    }

    /** The scan before: every offset is tried as the first letter of the country code. */
    static void ibansPerChar(String s, List<int[]> spans) {
        int n = s.length();
        for (int i = 0; i + 15 <= n; i++) {
            char c0 = s.charAt(i);
            if (!PiiDetector.isAsciiLetter(c0) || (i > 0 && PiiDetector.isAsciiAlnum(s.charAt(i - 1)))) {
                continue;
            }
            if (!PiiDetector.isAsciiLetter(s.charAt(i + 1)) || !PiiDetector.isDigit(s.charAt(i + 2)) || !PiiDetector.isDigit(s.charAt(i + 3))) {
                continue;
            }
            String cc = s.substring(i, i + 2).toUpperCase(Locale.ROOT);
            Integer len = PiiDetector.IBAN_LENGTHS.get(cc);
            if (len == null) {
                continue;
            }
            StringBuilder iban = new StringBuilder(len);
            int j = i;
            while (j < n && iban.length() < len) {
                char c = s.charAt(j);
                if (PiiDetector.isAsciiAlnum(c)) {
                    iban.append(Character.toUpperCase(c));
                    j++;
                } else if (c == ' ' && j + 1 < n && PiiDetector.isAsciiAlnum(s.charAt(j + 1)) && iban.length() % 4 == 0) {
                    j++;
                } else {
                    break;
                }
            }
            if (iban.length() != len || (j < n && PiiDetector.isAsciiAlnum(s.charAt(j)))) {
                continue;
            }
            if (PiiDetector.mod97(iban) == 1) {
                spans.add(new int[] {i, j, PiiDetector.Entity.IBAN_CODE.ordinal(), 99});
                i = j;
            }
        }
    }
}
