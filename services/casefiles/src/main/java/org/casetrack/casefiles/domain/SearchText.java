package org.casetrack.casefiles.domain;

import java.util.Locale;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * The text that free-text search ({@code q}) matches: clear, non-personal fields only (ids, codes,
 * organisations, crossing points), never a name, location or note. The legal situation is left
 * out, so an embassy cannot find a case by its arrests.
 */
public final class SearchText {
    private SearchText() {
    }

    public static String of(CaseFacts facts) {
        StringJoiner text = new StringJoiner(" ");
        Consumer<Object> add = v -> {
            if (v != null) {
                text.add(v.toString());
            }
        };
        Person p = facts.person();
        add.accept(facts.caseId());
        add.accept(p.nationality());
        add.accept(p.compoundId());
        add.accept(p.reportId());
        add.accept(p.circumstance());
        add.accept(facts.status().lifecycle());
        add.accept(facts.status().traffickingStatus());
        add.accept(facts.status().traffickingStatusDecidedBy());
        add.accept(facts.status().closureReason());
        facts.care().needs().forEach(add);
        facts.care().referrals().forEach(r -> {
            add.accept(r.to());
        });
        facts.care().assistance().forEach(a -> add.accept(a.provider()));
        facts.care().documents().forEach(d -> {
            add.accept(d.kind());
            add.accept(d.issuedBy());
        });
        if (facts.plannedRepatriation() != null) {
            add.accept(facts.plannedRepatriation().destinationCountry());
            add.accept(facts.plannedRepatriation().crossingPoint());
        }
        if (facts.repatriation() != null) {
            add.accept(facts.repatriation().destinationCountry());
            add.accept(facts.repatriation().crossingPoint());
            add.accept(facts.repatriation().mode());
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }
}
