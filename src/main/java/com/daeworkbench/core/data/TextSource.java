package com.daeworkbench.core.data;

import java.util.SplittableRandom;

/**
 * English-looking filler text: sentences of common words with commas, numbers, dates,
 * amounts and the odd parenthesis or quotation, plus title-case headings. Not meant to
 * make sense, only to have the letter, word-length and punctuation statistics of a
 * typed report, so a model learns real glyph shapes rather than one repeated word.
 */
final class TextSource {

    /** Frequent words first: {@link #word} draws with a bias towards the start of the list. */
    private static final String[] WORDS = (
            "the of and to a in that is was for it with as on be by at this from or have an which "
            + "not are but all were they one their has been had would there we can more will if no "
            + "other into some only its any these two may first also after new such our most over "
            + "between each could should same under where both those upon while made said must well "
            + "report data page letter office company committee member meeting period total number "
            + "account value order system record review section table figure result level rate "
            + "cost price market service program project process method analysis development "
            + "question answer public general local national annual monthly interest policy "
            + "payment contract agreement statement notice request approval department board "
            + "council director manager customer client supplier product delivery shipment "
            + "invoice balance budget estimate income expense revenue tax insurance property "
            + "building street county district state government federal regional community "
            + "school student teacher course class lesson library research study paper journal "
            + "chapter volume edition author reader history science nature water energy power "
            + "machine engine equipment material sample measure weight length surface pressure "
            + "temperature quality standard control test experiment condition change increase "
            + "decrease growth production industry business trade employment labour worker "
            + "family people children house home land field river road city town village "
            + "morning evening week month year season spring summer autumn winter today "
            + "important necessary possible available certain particular several various "
            + "following previous present current recent former final early late small large "
            + "great long short high low full open close special common simple clear careful "
            + "receive provide require include consider continue describe establish follow "
            + "maintain prepare present produce reduce remain return support develop explain "
            + "indicate suggest determine observe obtain apply submit attach enclose confirm "
            + "therefore however although because during without within against toward among "
            + "further whether perhaps usually generally approximately respectively accordingly "
            + "regarding concerning according including following available sincerely faithfully")
            .split(" ");

    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December"};
    private static final String[] HEADING_WORDS = {"Introduction", "Summary", "Background", "Results",
            "Discussion", "Methods", "Conclusions", "Appendix", "Notes", "References", "Overview", "Scope",
            "Terms", "Conditions", "Schedule", "Minutes", "Agenda", "Recommendations", "Findings", "Purpose"};

    private final SplittableRandom rng;

    TextSource(SplittableRandom rng) {
        this.rng = rng;
    }

    /** A word with a roughly Zipf-like preference for frequent ones. */
    String word() {
        double u = rng.nextDouble();
        int i = (int) (WORDS.length * u * u);
        return WORDS[Math.min(i, WORDS.length - 1)];
    }

    /** A token that is not a plain word: a year, an amount, a percentage, a date, a reference. */
    String number() {
        return switch (rng.nextInt(8)) {
            case 0 -> Integer.toString(1900 + rng.nextInt(125));
            case 1 -> String.format(java.util.Locale.ROOT, "$%,d.%02d", rng.nextInt(20000), rng.nextInt(100));
            case 2 -> rng.nextInt(100) + "%";
            case 3 -> MONTHS[rng.nextInt(12)] + " " + (1 + rng.nextInt(28)) + ",";
            case 4 -> "No. " + (1 + rng.nextInt(999));
            case 5 -> (1 + rng.nextInt(12)) + "." + (1 + rng.nextInt(9));
            case 6 -> Integer.toString(2 + rng.nextInt(500));
            default -> String.format(java.util.Locale.ROOT, "%.1f", rng.nextDouble() * 100);
        };
    }

    /** One sentence: capitalised, 4 to 22 words, commas, a closing mark. */
    String sentence() {
        int n = 4 + rng.nextInt(19);
        StringBuilder sb = new StringBuilder();
        boolean inParen = false;
        for (int i = 0; i < n; i++) {
            String w = rng.nextDouble() < 0.06 ? number() : word();
            if (i == 0) w = capitalise(w);
            else if (rng.nextDouble() < 0.03) w = capitalise(w); // a name
            if (i > 0) sb.append(' ');
            if (!inParen && i > 0 && i < n - 2 && rng.nextDouble() < 0.025) {
                sb.append('(');
                inParen = true;
            } else if (i > 0 && i < n - 2 && rng.nextDouble() < 0.015) {
                w = "\"" + w + "\"";
            }
            sb.append(w);
            if (inParen && rng.nextDouble() < 0.35) {
                sb.append(')');
                inParen = false;
            }
            if (i > 1 && i < n - 2 && rng.nextDouble() < 0.08 && !w.endsWith(",")) sb.append(rng.nextDouble() < 0.85 ? "," : ";");
        }
        if (inParen) sb.append(')');
        double e = rng.nextDouble();
        sb.append(e < 0.85 ? "." : e < 0.93 ? "?" : e < 0.97 ? ":" : "!");
        return sb.toString();
    }

    String paragraph(int sentences) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            if (i > 0) sb.append(' ');
            sb.append(sentence());
        }
        return sb.toString();
    }

    /** A short title-case heading, sometimes numbered ("3.2 Annual Report Review"). */
    String heading() {
        return heading(true);
    }

    /** A title-case phrase; numbered only when {@code numbered} allows it. */
    String heading(boolean numbered) {
        StringBuilder sb = new StringBuilder();
        double r = numbered ? rng.nextDouble() : 1;
        if (r < 0.3) sb.append(1 + rng.nextInt(9)).append(". ");
        else if (r < 0.45) sb.append(1 + rng.nextInt(9)).append('.').append(1 + rng.nextInt(9)).append(' ');
        if (rng.nextDouble() < 0.4) {
            sb.append(HEADING_WORDS[rng.nextInt(HEADING_WORDS.length)]);
        } else {
            int n = 2 + rng.nextInt(4);
            for (int i = 0; i < n; i++) {
                String w = word();
                if (i > 0) sb.append(' ');
                sb.append(w.length() <= 3 && i > 0 ? w : capitalise(w));
            }
        }
        return sb.toString();
    }

    private static String capitalise(String w) {
        return w.isEmpty() || !Character.isLowerCase(w.charAt(0)) ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
}
