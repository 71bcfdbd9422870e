package org.casetrack.bench.data;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.UUID;
import org.casetrack.avro.AgeBand;
import org.casetrack.avro.Circumstance;
import org.casetrack.avro.EncryptedBlock;
import org.casetrack.avro.EventMetadata;
import org.casetrack.avro.Gender;
import org.casetrack.avro.PersonalData;
import org.casetrack.schemas.crypto.DataKey;
import org.casetrack.schemas.crypto.PersonalDataCipher;

/**
 * Generates N case events in the shapes and order the ledger writes them: each report opens 1 to 40
 * cases (EscapeReported), and each case's follow-ups come later on the calendar (identified compound,
 * screening, referral, consent, arrests and releases following escapes, scheduled and completed
 * repatriations, closure), interleaved with later reports; some reports come weeks late. Deterministic
 * for a seed, so the PostgreSQL baseline gets the same events as Kafka. Personal data is invented and
 * sealed under a data key of this run that no key store holds (as after an erasure), so its size and
 * cost are real and nothing can be read back.
 */
public final class EventGenerator implements Iterator<GeneratedEvent> {
    /** Events per case on average with the probabilities below, to spread reports over the calendar. */
    private static final double EVENTS_PER_CASE = 3.4;
    private static final int CALENDAR_DAYS = 180;

    private final FieldModel model;
    private final List<String> compoundIds;
    private final long total;
    private final SplittableRandom random;
    private final LocalDate today;
    private final LocalDate firstDay;
    private final double reportsPerDay;
    private final PersonalDataCipher cipher = new PersonalDataCipher();
    private final DataKey key;
    private final PriorityQueue<Pending> pending = new PriorityQueue<>();
    private final FollowUps followUps;
    private long emitted;
    private long reports;
    private long order;

    public EventGenerator(FieldModel model, List<String> compoundIds, long total, long seed, LocalDate today, DataKey key) {
        this.model = model;
        this.compoundIds = List.copyOf(compoundIds);
        this.total = total;
        this.random = new SplittableRandom(seed);
        this.today = today;
        this.firstDay = today.minusDays(CALENDAR_DAYS);
        this.reportsPerDay = Math.max(1e-3, total / (EVENTS_PER_CASE * model.meanGroupSize()) / CALENDAR_DAYS);
        this.key = key;
        this.followUps = new FollowUps(random, today, ZoneId.of("Asia/Phnom_Penh"));
    }

    @Override
    public boolean hasNext() {
        return emitted < total;
    }

    @Override
    public GeneratedEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        while (pending.isEmpty() || pending.peek().at() > reports) {
            report();
        }
        Pending next = pending.poll();
        emitted++;
        return followUps.event(next.kind(), next.person(), next.day(), metadata(next));
    }

    private EventMetadata.Builder metadata(Pending next) {
        Person person = next.person();
        person.sequence++;
        return EventMetadata.newBuilder()
                .setEventId(uuid())
                .setCommandId(uuid())
                .setAggregateId(person.caseId)
                .setSequence(person.sequence)
                .setOccurredOn(next.day())
                .setRecordedAt(followUps.instant(next.day()))
                .setOrganisation("Bench Org (invented)")
                .setPrincipal("bench-coordinator");
    }

    /** One report: its escapes now, each person's follow-ups queued on the calendar. */
    private void report() {
        long at = ++reports;
        LocalDate reportDay = dayOf(at);
        boolean late = random.nextDouble() < 0.08;
        LocalDate escapedOn = late ? reportDay.minusDays(30 + random.nextInt(120)) : reportDay.minusDays(random.nextInt(3));
        boolean compoundUnknown = random.nextDouble() < 0.05;
        String compoundId = compoundUnknown ? null : compoundIds.get(model.compound(random) % compoundIds.size());
        int persons = model.groupSize(random);
        UUID reportId = uuid();
        for (int i = 0; i < persons; i++) {
            Person person = new Person(uuid().toString(), model.nationality(random), compoundId, escapedOn, reportId, persons,
                    random.nextDouble() >= 0.07, model.ageBand(random), model.gender(random), model.circumstance(random));
            person.personal = cipher.seal(PersonalData.newBuilder().setFullName("Invented Person " + person.caseId.substring(0, 8))
                    .setCurrentLocation("invented shelter " + random.nextInt(50)).build(), key, person.caseId);
            enqueue(at, reportDay, Kind.ESCAPE, person);
            for (FollowUps.Planned planned : followUps.plan(person, compoundUnknown)) {
                if (planned.kind() == Kind.IDENTIFY) {
                    person.identifiedCompound = compoundIds.get(model.compound(random) % compoundIds.size());
                }
                enqueue(at + Math.round(planned.afterDays() * reportsPerDay), reportDay.plusDays(planned.afterDays()), planned.kind(), person);
            }
        }
    }

    private void enqueue(long at, LocalDate day, Kind kind, Person person) {
        pending.add(new Pending(at, order++, kind, person, day.isAfter(today) ? today : day));
    }

    private LocalDate dayOf(long report) {
        LocalDate day = firstDay.plusDays((long) (report / reportsPerDay));
        return day.isAfter(today) ? today : day;
    }

    private UUID uuid() {
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }

    enum Kind { ESCAPE, IDENTIFY, SCREENING, REFERRAL, CONSENT, ARREST, RELEASE, SCHEDULE, REPATRIATE, CLOSE }

    private record Pending(long at, long order, Kind kind, Person person, LocalDate day) implements Comparable<Pending> {
        @Override
        public int compareTo(Pending o) {
            return at != o.at ? Long.compare(at, o.at) : Long.compare(order, o.order);
        }
    }

    /** A generated person's case as it unfolds. */
    static final class Person {
        final String caseId;
        final String nationality;
        final String compoundId;
        final LocalDate escapedOn;
        final UUID reportId;
        final int groupSize;
        final boolean intendsToReturn;
        final AgeBand ageBand;
        final Gender gender;
        final Circumstance circumstance;
        EncryptedBlock personal;
        String identifiedCompound;
        long sequence;

        Person(String caseId, String nationality, String compoundId, LocalDate escapedOn, UUID reportId, int groupSize,
               boolean intendsToReturn, AgeBand ageBand, Gender gender,
               Circumstance circumstance) {
            this.caseId = caseId;
            this.nationality = nationality;
            this.compoundId = compoundId;
            this.escapedOn = escapedOn;
            this.reportId = reportId;
            this.groupSize = groupSize;
            this.intendsToReturn = intendsToReturn;
            this.ageBand = ageBand;
            this.gender = gender;
            this.circumstance = circumstance;
        }
    }
}
