package org.casetrack.access.support;

import java.util.List;
import java.util.UUID;
import org.casetrack.avro.PersonalData;

/** Personal data for tests, every value planted so the log scan looks for it. */
public final class People {
    private People() {
    }

    public static PersonalData person() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return PersonalData.newBuilder()
                .setFullName(Planted.value("Somchai Planted-" + tag))
                .setOtherNames(List.of(Planted.value("Chai-" + tag)))
                .setBirthDate(Planted.value("1993-07-" + (10 + Math.abs(tag.hashCode() % 18))))
                .setCurrentLocation(Planted.value("Shelter room " + tag + ", Poipet"))
                .setHealth(Planted.value("broken wrist " + tag))
                .setNotes(Planted.value("fears the broker " + tag))
                .build();
    }
}
