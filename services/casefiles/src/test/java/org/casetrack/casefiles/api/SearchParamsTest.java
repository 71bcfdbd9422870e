package org.casetrack.casefiles.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micronaut.core.convert.ConversionService;
import io.micronaut.http.simple.SimpleHttpParameters;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casetrack.access.http.FieldError;
import org.casetrack.access.http.ProblemException;
import org.casetrack.avro.Lifecycle;
import org.casetrack.avro.ServiceType;
import org.casetrack.casefiles.store.SearchCriteria;
import org.junit.jupiter.api.Test;

/** The query of a case search read into criteria, or refused naming each bad parameter, never repeating a value. */
class SearchParamsTest {

    private static SearchCriteria parse(String query) {
        Map<CharSequence, List<String>> values = new LinkedHashMap<>(new QueryStringDecoder("/api/v1/cases" + query).parameters());
        return SearchParams.parse(new SimpleHttpParameters(values, ConversionService.SHARED));
    }

    @Test
    void readsEveryFilterAndDefaultsThePage() {
        SearchCriteria c = parse("?nationality=TH&lifecycle=OPEN&compoundId=c-1&escapedFrom=2026-01-01&escapedTo=2026-01-31"
                + "&needs=MEDICAL,SHELTER&needs=LEGAL&q=%20great%20wall%20");

        assertThat(c.nationality()).contains("TH");
        assertThat(c.lifecycle()).contains(Lifecycle.OPEN);
        assertThat(c.compoundId()).contains("c-1");
        assertThat(c.escapedFrom()).contains(LocalDate.of(2026, 1, 1));
        assertThat(c.escapedTo()).contains(LocalDate.of(2026, 1, 31));
        assertThat(c.needs()).containsExactly(ServiceType.MEDICAL, ServiceType.SHELTER, ServiceType.LEGAL);
        assertThat(c.text()).contains("great wall");
        assertThat(c.page()).isZero();
        assertThat(c.size()).isEqualTo(SearchParams.DEFAULT_SIZE);
        assertThat(c.isUnfiltered()).isFalse();
        assertThat(parse("?page=2&size=200").isUnfiltered()).isTrue();
    }

    @Test
    void refusesBadFiltersNamingEachWithoutItsValue() {
        ProblemException problem = catchThrowableOfType(ProblemException.class,
                () -> parse("?lifecycle=UNKNOWN&escapedTo=yesterday&size=0&page=x&nationality=Thailand&q=%01planted&lifecycle=OPEN"));

        assertThat(problem.problem().status()).isEqualTo(400);
        assertThat(problem.problem().errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("lifecycle", "escapedTo", "size", "page", "nationality", "q");
        assertThat(problem.problem().errors()).extracting(FieldError::message).noneMatch(m -> m.contains("planted") || m.contains("Thailand"));
    }
}
