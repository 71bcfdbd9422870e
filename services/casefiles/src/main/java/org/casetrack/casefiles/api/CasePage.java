package org.casetrack.casefiles.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;

/** {@code GET /api/v1/cases}: one page in the stable order (escape date, then case id) and the total of matches. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CasePage(int page, int size, long total, List<Summary> cases) {

    /**
     * One case of a page. {@code fullName} is the decrypted name when the caller may see it (IDENTITY),
     * or "erased".
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(String caseId, String nationality, String gender, String ageBand, boolean minor, String lifecycle,
                          String whereabouts, String traffickingStatus, @Nullable String compoundId, @Nullable String compoundName,
                          LocalDate escapedOn, List<String> needs, boolean erased, @Nullable Object fullName) {
    }
}
