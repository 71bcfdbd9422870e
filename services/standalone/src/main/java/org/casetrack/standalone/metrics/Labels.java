package org.casetrack.standalone.metrics;

import java.util.regex.Pattern;

/**
 * Label values come only from closed sets (event types, rule codes, group and topic names): anything
 * else is reported as OTHER, so a value that could carry data never becomes a label.
 */
final class Labels {
    private static final Pattern RULE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    private Labels() {
    }

    static String rule(String code) {
        return code != null && RULE.matcher(code).matches() ? code : "OTHER";
    }
}
