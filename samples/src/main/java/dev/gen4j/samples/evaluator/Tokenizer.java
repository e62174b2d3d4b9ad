package dev.gen4j.samples.evaluator;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lexing: turns the text of an expression into tokens. */
public final class Tokenizer {
    /** A token: its type ({@code NUM}, {@code PLUS}, ...) and its text. */
    public record Token(String type, String value) {
    }

    private static final List<String> TYPES = List.of("NUM", "PLUS", "MINUS", "TIMES", "DIVIDE", "WS");
    private static final Pattern MASTER_RE = Pattern.compile(String.join("|",
            "(?<NUM>\\d+)",
            "(?<PLUS>\\+)",
            "(?<MINUS>-)",
            "(?<TIMES>\\*)",
            "(?<DIVIDE>/)",
            "(?<WS>\\s+)"), Pattern.UNICODE_CHARACTER_CLASS); // \d and \s as in Python 3

    private Tokenizer() {
    }

    /**
     * Yields the tokens of {@code text}, skipping white space. Like Python's
     * {@code scanner.match}, it stops quietly at the first character no token matches: the
     * parser then finds the expression incomplete.
     */
    @Generator
    public static Gen<Token> tokenize(String text) {
        Matcher m = MASTER_RE.matcher(text);
        while (m.lookingAt()) {
            String type = lastGroup(m);
            if (!type.equals("WS")) {
                Yield.now(new Token(type, m.group()));
            }
            m.region(m.end(), text.length());
        }
        return Gen.done();
    }

    /** The name of the alternative that matched: Python's {@code m.lastgroup}. */
    private static String lastGroup(Matcher m) {
        for (String type : TYPES) {
            if (m.group(type) != null) {
                return type;
            }
        }
        throw new AssertionError("a match without a group: " + m.group());
    }
}
