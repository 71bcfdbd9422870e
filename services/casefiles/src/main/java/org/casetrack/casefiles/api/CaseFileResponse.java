package org.casetrack.casefiles.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casetrack.casefiles.domain.Care;
import org.casetrack.casefiles.domain.Consent;
import org.casetrack.casefiles.domain.LegalSituation;
import org.casetrack.casefiles.domain.Repatriation;
import org.casetrack.casefiles.domain.RepatriationPlan;

/**
 * {@code GET /api/v1/cases/{caseId}}: the current facts and the full history. {@code personalData}
 * is the decrypted data the caller may see, or the text "erased"; {@code legalSituation} is absent
 * for embassies, and {@code history} unless their consent names CASE_HISTORY.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseFileResponse(
        String caseId,
        long version,
        String nationality,
        String citizenshipBasis,
        boolean stateless,
        String gender,
        String ageBand,
        boolean minor,
        boolean unaccompanied,
        boolean intendsToReturn,
        String circumstance,
        LocalDate escapedOn,
        String reportId,
        int groupSize,
        CompoundRef compound,
        String lifecycle,
        @Nullable LocalDate closedOn,
        @Nullable String closureReason,
        @Nullable LocalDate reopenedOn,
        Screening trafficking,
        String whereabouts,
        @Nullable LegalSituation legalSituation,
        Care care,
        List<Consent> consents,
        @Nullable RepatriationPlan plannedRepatriation,
        @Nullable Repatriation repatriation,
        boolean erased,
        @Nullable LocalDate erasedOn,
        @Nullable Object personalData,
        @Nullable List<HistoryEntry> history) {

    /** @param name, country, status null until the compound is known and projected */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CompoundRef(@Nullable String compoundId, boolean unknown, @Nullable String name, @Nullable String country,
                              @Nullable String status) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Screening(String status, @Nullable String decidedBy, @Nullable LocalDate decidedOn) {
    }

    /** @param principal absent for embassies (the staff member's name is not theirs to know) */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReportedBy(@Nullable String principal, String organisation) {
    }

    /** @param personal this event's decrypted block as the caller may see it, or "erased" */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HistoryEntry(UUID eventId, long sequence, String type, @Nullable LocalDate occurredOn, @Nullable Instant occurredAt,
                               Instant recordedAt, ReportedBy reportedBy, Map<String, Object> details, @Nullable Object personal) {
    }
}
