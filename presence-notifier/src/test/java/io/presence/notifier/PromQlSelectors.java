package io.presence.notifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The series selectors of a PromQL expression: each metric name it reads, with the {@code job} its
 * selector pins, if any. Knows just enough PromQL for dashboards and alert rules: strings, ranges,
 * numbers, durations and Grafana variables are no names; a name followed by a parenthesis, or by
 * {@code by}/{@code without}, is a function or an aggregation; the label lists of {@code by},
 * {@code without}, {@code on}, {@code ignoring} and {@code group_left/right} hold labels, not metrics.
 */
final class PromQlSelectors {

    record Selector(String metric, Optional<String> job) {
    }

    private enum Kind {
        STRING, RANGE, VARIABLE, NUMBER, NAME, MATCHERS, OPEN, CLOSE;

        String group() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private record Token(Kind kind, String text) {
    }

    private static final Pattern TOKEN = Pattern.compile(
            "(?<string>\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`)"
                    + "|(?<range>\\[[^\\]]*\\])"
                    + "|(?<variable>\\$\\{[^}]*\\}|\\$\\w+)"
                    + "|(?<number>\\d[\\w.]*)"
                    + "|(?<name>[A-Za-z_:][\\w:]*)"
                    + "|(?<matchers>\\{[^}]*\\})"
                    + "|(?<open>\\()"
                    + "|(?<close>\\))");
    private static final Pattern JOB_MATCHER = Pattern.compile("(?:^|[{,\\s])job\\s*=\\s*\"([^\"]*)\"");
    private static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");
    private static final Set<String> AGGREGATION_GROUPINGS = Set.of("by", "without");
    private static final Set<String> KEYWORDS = Set.of("bool", "offset", "and", "or", "unless", "atan2", "inf", "nan",
            "group_left", "group_right");

    private PromQlSelectors() {
    }

    static List<Selector> in(String expression) {
        List<Token> tokens = tokens(expression);
        List<Selector> selectors = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).kind() != Kind.NAME) {
                continue;
            }
            String name = tokens.get(i).text();
            boolean called = kindAt(tokens, i + 1) == Kind.OPEN;
            if (called && LABEL_LISTS.contains(name.toLowerCase(Locale.ROOT))) {
                i = closingParenthesis(tokens, i + 1);
            } else if (!called && !KEYWORDS.contains(name.toLowerCase(Locale.ROOT)) && !groupsBefore(tokens, i)) {
                Optional<String> job = kindAt(tokens, i + 1) == Kind.MATCHERS ? job(tokens.get(i + 1).text()) : Optional.empty();
                selectors.add(new Selector(name, job));
            }
        }
        return selectors;
    }

    private static List<Token> tokens(String expression) {
        List<Token> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(expression);
        while (matcher.find()) {
            for (Kind kind : Kind.values()) {
                if (matcher.group(kind.group()) != null) {
                    tokens.add(new Token(kind, matcher.group(kind.group())));
                    break;
                }
            }
        }
        return tokens;
    }

    /** {@code sum by (le) (…)}: an aggregation whose grouping comes before its argument. */
    private static boolean groupsBefore(List<Token> tokens, int i) {
        return kindAt(tokens, i + 1) == Kind.NAME && AGGREGATION_GROUPINGS.contains(tokens.get(i + 1).text().toLowerCase(Locale.ROOT));
    }

    private static Kind kindAt(List<Token> tokens, int i) {
        return i < tokens.size() ? tokens.get(i).kind() : null;
    }

    private static int closingParenthesis(List<Token> tokens, int open) {
        int i = open;
        while (i < tokens.size() && tokens.get(i).kind() != Kind.CLOSE) {
            i++;
        }
        return i;
    }

    private static Optional<String> job(String matchers) {
        Matcher job = JOB_MATCHER.matcher(matchers);
        return job.find() ? Optional.of(job.group(1)) : Optional.empty();
    }
}
