package org.casetrack.views.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Days waiting since the escape, in buckets 0-7, 8-30, 31-90 and 90+ (91 days and more), computed
 * against a given today (in casetrack.zone) from counts per escape date, so the buckets move with
 * the calendar without any event.
 */
public final class DaysWaiting {
    public static final String[] BUCKETS = {"0-7", "8-30", "31-90", "90+"};

    private DaysWaiting() {
    }

    public static String bucket(LocalDate escapedOn, LocalDate today) {
        long days = Math.max(0, ChronoUnit.DAYS.between(escapedOn, today));
        if (days <= 7) {
            return BUCKETS[0];
        }
        if (days <= 30) {
            return BUCKETS[1];
        }
        return days <= 90 ? BUCKETS[2] : BUCKETS[3];
    }

    /** Every bucket, in order, with the sum of the counts whose escape date (yyyy-MM-dd) falls in it. */
    public static Map<String, Integer> buckets(Map<String, Integer> byEscapeDate, LocalDate today) {
        Map<String, Integer> buckets = new LinkedHashMap<>();
        for (String b : BUCKETS) {
            buckets.put(b, 0);
        }
        byEscapeDate.forEach((date, n) -> buckets.merge(bucket(LocalDate.parse(date), today), n, Integer::sum));
        return buckets;
    }
}
