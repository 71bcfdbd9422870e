package org.casetrack.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetrack.ledger.fixtures.Commands.TODAY;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.casetrack.avro.ChangeCompoundStatus;
import org.casetrack.avro.CompoundDiscovered;
import org.casetrack.avro.CompoundEvent;
import org.casetrack.avro.CompoundState;
import org.casetrack.avro.CompoundStatus;
import org.casetrack.avro.DiscoverCompound;
import org.casetrack.avro.RecordOperatorArrest;
import org.casetrack.avro.ReportHeadcount;
import org.casetrack.ledger.fixtures.Commands;
import org.junit.jupiter.api.Test;

class CompoundRulesTest {
    private static final String ID = "compound-1";
    private static final LocalDate DISCOVERED_ON = LocalDate.of(2026, 1, 5);

    private static Decision<CompoundEvent> decide(CompoundState state, Object payload) {
        return CompoundDecider.decide(state, Commands.compoundCommand(ID, payload), CaseHistory.CONTEXT);
    }

    /** The state after the command, which the test asserts was accepted. */
    private static CompoundState after(CompoundState state, Object payload) {
        Decision<CompoundEvent> decision = decide(state, payload);
        assertThat(decision).isInstanceOf(Decision.Accepted.class);
        for (CompoundEvent event : ((Decision.Accepted<CompoundEvent>) decision).events()) {
            state = CompoundEvolver.apply(state, event);
        }
        return state;
    }

    private static CompoundState discovered() {
        return after(null, Commands.discover("Great Wall Park"));
    }

    private static ReportHeadcount headcount(LocalDate on, int min, int max) {
        return ReportHeadcount.newBuilder().setReportedOn(on).setMin(min).setMax(max).setNationalities(List.of("TH", "VN")).build();
    }

    @Test
    void discoveryRegistersTheCompoundWithItsId() {
        Decision<CompoundEvent> decision = decide(null, Commands.discover("Great Wall Park"));
        CompoundState state = discovered();

        CompoundEvent event = ((Decision.Accepted<CompoundEvent>) decision).events().get(0);
        assertThat(((CompoundDiscovered) event.getPayload()).getCompoundId()).isEqualTo(ID);
        assertThat(event.getMetadata().getSequence()).isEqualTo(1);
        assertThat(state.getCompoundId()).isEqualTo(ID);
        assertThat(state.getName()).isEqualTo("Great Wall Park");
        assertThat(state.getStatus()).isEqualTo(CompoundStatus.ACTIVE);
        assertThat(state.getVersion()).isEqualTo(1);
    }

    @Test
    void secondDiscoveryOfTheSameCompoundConflicts() {
        CaseHistory.rejected(decide(discovered(), Commands.discover("again")), Rule.COMPOUND_EXISTS);
    }

    @Test
    void discoveryNeedsANameAValidCountryAndAPastDate() {
        CaseHistory.rejected(decide(null, DiscoverCompound.newBuilder(Commands.discover(" ")).build()), Rule.INVALID_COMMAND);
        CaseHistory.rejected(decide(null, DiscoverCompound.newBuilder(Commands.discover("x")).setCountry("Cambodia").build()),
                Rule.INVALID_COMMAND);
        CaseHistory.rejected(decide(null, DiscoverCompound.newBuilder(Commands.discover("x")).setLatitude(91.0).build()),
                Rule.INVALID_COMMAND);
        CaseHistory.rejected(decide(null, DiscoverCompound.newBuilder(Commands.discover("x")).setDiscoveredOn(TODAY.plusDays(1)).build()),
                Rule.DATE_IN_FUTURE);
    }

    @Test
    void commandsOnAnUnknownCompoundAreNotFound() {
        var decision = decide(null, headcount(TODAY, 1, 2));
        assertThat(decision).isInstanceOf(Decision.Rejected.class);
        var notFound = ((Decision.Rejected<CompoundEvent>) decision).rejection();
        assertThat(notFound.getCode()).isEqualTo("UNKNOWN_COMPOUND");
        assertThat(notFound.getHttpStatus()).isEqualTo(404);
    }

    @Test
    void headcountWithMinAboveMaxIsInvalid() {
        assertThat(CaseHistory.rejected(decide(discovered(), headcount(TODAY, 250, 150)), Rule.INVALID_COMMAND).getField())
                .isEqualTo("max");
    }

    @Test
    void latestHeadcountIsTheLatestByReportDate() {
        CompoundState state = after(after(discovered(), headcount(TODAY, 150, 250)), headcount(TODAY.minusDays(3), 10, 20));

        assertThat(state.getLatestHeadcount().getMin()).isEqualTo(150);
        assertThat(state.getVersion()).isEqualTo(3);
    }

    @Test
    void statusChangesInOrderOnly() {
        CompoundState raided = after(discovered(), ChangeCompoundStatus.newBuilder().setStatus(CompoundStatus.RAIDED)
                .setEffectiveOn(DISCOVERED_ON.plusDays(10)).build());

        assertThat(raided.getStatus()).isEqualTo(CompoundStatus.RAIDED);
        CaseHistory.rejected(decide(raided, ChangeCompoundStatus.newBuilder().setStatus(CompoundStatus.CLOSED)
                .setEffectiveOn(DISCOVERED_ON.plusDays(5)).build()), Rule.DATE_OUT_OF_ORDER);
    }

    @Test
    void operatorArrestsAreCountedWithTheLatestDate() {
        RecordOperatorArrest arrest = RecordOperatorArrest.newBuilder().setArrestedOn(TODAY.minusDays(1))
                .setPublicSource("https://example.org/news/1").build();

        CompoundState state = after(after(discovered(), arrest), RecordOperatorArrest.newBuilder(arrest).setArrestedOn(TODAY.minusDays(9)).build());

        assertThat(state.getOperatorArrests()).isEqualTo(2);
        assertThat(state.getLastOperatorArrestOn()).isEqualTo(TODAY.minusDays(1));
    }

    @Test
    void eventIdsAreTheSameWhenACommandIsDecidedAgain() {
        var command = Commands.compoundCommand(UUID.randomUUID(), ID, Commands.discover("x"), Commands.NOW.plusSeconds(60));

        var first = (Decision.Accepted<CompoundEvent>) CompoundDecider.decide(null, command, CaseHistory.CONTEXT);
        var again = (Decision.Accepted<CompoundEvent>) CompoundDecider.decide(null, command, CaseHistory.CONTEXT);

        assertThat(again.events().get(0).getMetadata().getEventId()).isEqualTo(first.events().get(0).getMetadata().getEventId());
    }
}
