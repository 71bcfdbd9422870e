package org.casetrack.bench.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.casetrack.avro.ArrestReported;
import org.casetrack.avro.CaseClosed;
import org.casetrack.avro.CaseCompoundIdentified;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.ClosureReason;
import org.casetrack.avro.ConsentPurpose;
import org.casetrack.avro.ConsentRecorded;
import org.casetrack.avro.DataCategory;
import org.casetrack.avro.DetentionEnded;
import org.casetrack.avro.DetentionOutcome;
import org.casetrack.avro.DetentionType;
import org.casetrack.avro.EscapeReported;
import org.casetrack.avro.EventMetadata;
import org.casetrack.avro.ReferralMade;
import org.casetrack.avro.RepatriationCompleted;
import org.casetrack.avro.RepatriationMode;
import org.casetrack.avro.RepatriationScheduled;
import org.casetrack.avro.ScreeningRecorded;
import org.casetrack.avro.ServiceType;
import org.casetrack.avro.TraffickingRelation;
import org.casetrack.avro.TraffickingStatus;
import org.casetrack.avro.Whereabouts;
import org.casetrack.bench.data.EventGenerator.Kind;
import org.casetrack.bench.data.EventGenerator.Person;

/**
 * What happens to a person after the escape, and the events that record it. Arrests (8%, often on old
 * warrants at the border) are followed by a release in most cases; most who intend to return get a
 * repatriation scheduled and then completed; some cases are closed after the return.
 */
final class FollowUps {
    private final SplittableRandom random;
    private final LocalDate today;
    private final ZoneId zone;

    record Planned(Kind kind, int afterDays) {
    }

    FollowUps(SplittableRandom random, LocalDate today, ZoneId zone) {
        this.random = random;
        this.today = today;
        this.zone = zone;
    }

    /** The follow-ups of one case, in calendar order; a closure comes after everything else. */
    List<Planned> plan(Person person, boolean compoundUnknown) {
        List<Planned> plan = new ArrayList<>();
        if (compoundUnknown && chance(0.6)) {
            plan.add(new Planned(Kind.IDENTIFY, 1 + random.nextInt(10)));
        }
        if (chance(0.6)) {
            plan.add(new Planned(Kind.SCREENING, 1 + random.nextInt(5)));
        }
        if (chance(0.4)) {
            plan.add(new Planned(Kind.REFERRAL, random.nextInt(4)));
        }
        if (chance(0.15)) {
            plan.add(new Planned(Kind.CONSENT, 1 + random.nextInt(10)));
        }
        if (chance(0.08)) {
            int arrested = random.nextInt(15);
            plan.add(new Planned(Kind.ARREST, arrested));
            if (chance(0.7)) {
                plan.add(new Planned(Kind.RELEASE, arrested + 3 + random.nextInt(58)));
            }
        }
        boolean repatriated = false;
        if (person.intendsToReturn && chance(0.55)) {
            int scheduled = 5 + random.nextInt(36);
            plan.add(new Planned(Kind.SCHEDULE, scheduled));
            if (chance(0.85)) {
                plan.add(new Planned(Kind.REPATRIATE, scheduled + 2 + random.nextInt(19)));
                repatriated = true;
            }
        }
        plan.sort(Comparator.comparingInt(Planned::afterDays));
        if (repatriated && chance(0.4)) {
            plan.add(new Planned(Kind.CLOSE, plan.get(plan.size() - 1).afterDays() + 1 + random.nextInt(10)));
        }
        return plan;
    }

    GeneratedEvent event(Kind kind, Person p, LocalDate day, EventMetadata.Builder metadata) {
        Object payload = switch (kind) {
            case ESCAPE -> EscapeReported.newBuilder().setCompoundId(p.compoundId).setCompoundUnknown(p.compoundId == null)
                    .setEscapedOn(p.escapedOn).setCircumstance(p.circumstance).setNationality(p.nationality).setGender(p.gender)
                    .setAgeBand(p.ageBand).setMinor(FieldModel.isMinor(p.ageBand)).setIntendsToReturn(p.intendsToReturn)
                    .setReportId(p.reportId).setGroupSize(p.groupSize).setWhereabouts(Whereabouts.HIDING).setPersonal(p.personal).build();
            case IDENTIFY -> CaseCompoundIdentified.newBuilder().setCompoundId(p.identifiedCompound).build();
            case SCREENING -> ScreeningRecorded.newBuilder().setTraffickingStatus(chance(0.05) ? TraffickingStatus.NOT_A_VICTIM
                    : chance(0.5) ? TraffickingStatus.ACTUAL : TraffickingStatus.POSSIBLE).setDecidedBy("Bench Org (invented)").setDecidedOn(day).build();
            case REFERRAL -> ReferralMade.newBuilder().setService(ServiceType.SHELTER).setTo("Shelter (invented)").setReferredOn(day)
                    .setWhereabouts(Whereabouts.SHELTER).build();
            case CONSENT -> ConsentRecorded.newBuilder().setRecipient("embassy:" + p.nationality).setGiven(true)
                    .setPurposes(List.of(ConsentPurpose.TRAVEL_DOCUMENT, ConsentPurpose.REPATRIATION))
                    .setDataCategories(List.of(DataCategory.IDENTITY, DataCategory.CONTACT)).setRecordedOn(day).build();
            case ARREST -> ArrestReported.newBuilder().setArrestedOn(day).setCountry(chance(0.5) ? p.nationality : "KH")
                    .setDetentionType(chance(0.6) ? DetentionType.CRIMINAL : DetentionType.IMMIGRATION)
                    .setRelatedToTrafficking(chance(0.5) ? TraffickingRelation.YES : TraffickingRelation.UNKNOWN).build();
            case RELEASE -> DetentionEnded.newBuilder().setEndedOn(day)
                    .setOutcome(chance(0.7) ? DetentionOutcome.RELEASED : chance(0.5) ? DetentionOutcome.DEPORTED : DetentionOutcome.CHARGED).build();
            case SCHEDULE -> RepatriationScheduled.newBuilder().setPlannedOn(day.plusDays(3)).setDestinationCountry(p.nationality)
                    .setMode(RepatriationMode.EMBASSY_ORGANISED).build();
            case REPATRIATE -> RepatriationCompleted.newBuilder().setRepatriatedOn(day).setDestinationCountry(p.nationality)
                    .setCrossingPoint(chance(0.5) ? "Ban Cham Yeam" : null).setMode(RepatriationMode.EMBASSY_ORGANISED).build();
            case CLOSE -> CaseClosed.newBuilder().setReason(ClosureReason.RETURNED).setClosedOn(day).build();
        };
        String compound = kind == Kind.ESCAPE ? p.compoundId : kind == Kind.IDENTIFY ? p.identifiedCompound : null;
        CaseEvent event = CaseEvent.newBuilder().setMetadata(metadata.build()).setPayload(payload).build();
        return new GeneratedEvent(p.caseId, event.getMetadata().getSequence(), payload.getClass().getSimpleName(), compound,
                p.nationality, day, p.intendsToReturn, event);
    }

    /** When the ledger recorded an event of that day: during the working day in the field's zone. */
    Instant instant(LocalDate day) {
        LocalDate recorded = day.isAfter(today) ? today : day;
        Instant at = recorded.atStartOfDay(zone).plusMinutes(8 * 60 + random.nextInt(10 * 60)).toInstant();
        Instant now = Instant.now();
        return at.isAfter(now) ? now : at;
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }
}
