package org.casetrack.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetrack.ledger.domain.CaseHistory.CASE_ID;
import static org.casetrack.ledger.domain.CaseHistory.KNOWN_COMPOUND;
import static org.casetrack.ledger.domain.CaseHistory.acceptedPayload;
import static org.casetrack.ledger.domain.CaseHistory.given;
import static org.casetrack.ledger.domain.CaseHistory.none;
import static org.casetrack.ledger.domain.CaseHistory.rejected;

import java.time.Instant;
import java.util.List;
import org.casetrack.avro.CaseCommand;
import org.casetrack.avro.CaseCompoundIdentified;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.EscapeReported;
import org.casetrack.avro.IdentifyCaseCompound;
import org.casetrack.avro.Lifecycle;
import org.casetrack.avro.ReportEscape;
import org.casetrack.ledger.fixtures.Commands;
import org.casetrack.ledger.fixtures.Events;
import org.junit.jupiter.api.Test;

class CaseOpeningRulesTest {

    @Test
    void escapeNamingAKnownCompoundOpensTheCaseWithTheCommandsMetadata() {
        CaseCommand command = Commands.caseCommand(CASE_ID, Commands.escape(KNOWN_COMPOUND));

        List<CaseEvent> events = CaseHistory.accepted(CaseDecider.decide(null, command, CaseHistory.CONTEXT));

        assertThat(events).hasSize(1);
        CaseEvent event = events.get(0);
        EscapeReported escape = (EscapeReported) event.getPayload();
        assertThat(escape.getCompoundId()).isEqualTo(KNOWN_COMPOUND);
        assertThat(escape.getCompoundUnknown()).isFalse();
        assertThat(escape.getReportId()).isEqualTo(command.getMetadata().getReportId());
        assertThat(escape.getPersonal()).isEqualTo(Commands.block());
        assertThat(event.getMetadata().getSequence()).isEqualTo(1);
        assertThat(event.getMetadata().getEventId()).isEqualTo(EventIds.of(command.getMetadata().getCommandId(), 0));
        assertThat(event.getMetadata().getOccurredOn()).isEqualTo(Commands.ESCAPED_ON);
        assertThat(event.getMetadata().getRecordedAt()).isEqualTo(Commands.NOW);
        assertThat(event.getMetadata().getOrganisation()).isEqualTo("IOM Cambodia");
        assertThat(event.getMetadata().getPrincipal()).isEqualTo("coordinator-1");
    }

    @Test
    void escapeFromAnUnknownCompoundOpensACaseWithoutCompound() {
        EscapeReported escape = (EscapeReported) acceptedPayload(none().when(Commands.escape(null)));

        assertThat(escape.getCompoundUnknown()).isTrue();
        assertThat(escape.getCompoundId()).isNull();
        assertThat(none().stateAfter(Commands.escape(null)).getLifecycle()).isEqualTo(Lifecycle.OPEN);
    }

    @Test
    void escapeNamingACompoundNotInTheRegistryWaitsForIt() {
        Decision<CaseEvent> decision = none().when(Commands.escape("compound-not-yet-known"));

        assertThat(decision).isEqualTo(new Decision.AwaitingCompound<CaseEvent>("compound-not-yet-known", "compoundId"));
    }

    @Test
    void escapeWithNeitherCompoundNorCompoundUnknownIsInvalid() {
        ReportEscape escape = ReportEscape.newBuilder(Commands.escape(null)).setCompoundUnknown(false).build();

        assertThat(rejected(none().when(escape), Rule.INVALID_COMMAND).getField()).isEqualTo("compoundId");
    }

    @Test
    void escapeWithBothCompoundAndCompoundUnknownIsInvalid() {
        ReportEscape escape = ReportEscape.newBuilder(Commands.escape(KNOWN_COMPOUND)).setCompoundUnknown(true).build();

        assertThat(rejected(none().when(escape), Rule.INVALID_COMMAND).getField()).isEqualTo("compoundId");
    }

    @Test
    void escapeWithABadNationalityCodeIsInvalid() {
        ReportEscape escape = ReportEscape.newBuilder(Commands.escape(null)).setNationality("Thai").build();

        assertThat(rejected(none().when(escape), Rule.INVALID_COMMAND).getField()).isEqualTo("nationality");
    }

    @Test
    void escapeDatedTomorrowInTheLatestZoneIsInTheFuture() {
        ReportEscape escape = ReportEscape.newBuilder(Commands.escape(null)).setEscapedOn(Commands.TODAY.plusDays(1)).build();

        assertThat(rejected(none().when(escape), Rule.DATE_IN_FUTURE).getField()).isEqualTo("escapedOn");
    }

    @Test
    void aDateThatIsTodaySomewhereOnEarthIsNotInTheFuture() {
        // 12:00 UTC is already 02:00 the next day in UTC+14
        ReportEscape escape = ReportEscape.newBuilder(Commands.escape(null)).setEscapedOn(Commands.TODAY.plusDays(1)).build();

        assertThat(none().when(escape, Instant.parse("2026-02-01T12:00:00Z"))).isInstanceOf(Decision.Accepted.class);
    }

    @Test
    void secondEscapeForTheSameCaseIsACaseConflict() {
        rejected(given(Events.escaped(null)).when(Commands.escape(null)), Rule.CASE_EXISTS);
    }

    @Test
    void commandForACaseWithoutEscapeIsUnknownCase() {
        rejected(none().when(IdentifyCaseCompound.newBuilder().setCompoundId(KNOWN_COMPOUND).build()), Rule.UNKNOWN_CASE);
    }

    @Test
    void identifyingTheCompoundLaterNamesItAndKeepsThePreviousOne() {
        CaseHistory history = given(Events.escaped(null));

        CaseCompoundIdentified identified = (CaseCompoundIdentified) acceptedPayload(
                history.when(IdentifyCaseCompound.newBuilder().setCompoundId(KNOWN_COMPOUND).build()));

        assertThat(identified.getCompoundId()).isEqualTo(KNOWN_COMPOUND);
        assertThat(identified.getPreviousCompoundId()).isNull();
        var state = history.stateAfter(IdentifyCaseCompound.newBuilder().setCompoundId(KNOWN_COMPOUND).build());
        assertThat(state.getCompoundId()).isEqualTo(KNOWN_COMPOUND);
        assertThat(state.getCompoundUnknown()).isFalse();
        assertThat(state.getVersion()).isEqualTo(2);
    }

    @Test
    void identifyingACompoundNotInTheRegistryWaitsForIt() {
        Decision<CaseEvent> decision = given(Events.escaped(null)).when(IdentifyCaseCompound.newBuilder().setCompoundId("later").build());

        assertThat(decision).isInstanceOf(Decision.AwaitingCompound.class);
    }

    @Test
    void aRuleBrokenAnywayIsRejectedAtOnceInsteadOfWaitingForTheCompound() {
        ReportEscape escape = ReportEscape.newBuilder(Commands.escape("later")).setEscapedOn(Commands.TODAY.plusDays(3)).build();

        rejected(none().when(escape), Rule.DATE_IN_FUTURE);
    }
}
