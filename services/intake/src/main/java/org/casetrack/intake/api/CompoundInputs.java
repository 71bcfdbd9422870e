package org.casetrack.intake.api;

import java.util.regex.Pattern;
import org.casetrack.avro.ChangeCompoundStatus;
import org.casetrack.avro.CompoundStatus;
import org.casetrack.avro.DiscoverCompound;
import org.casetrack.avro.RecordOperatorArrest;
import org.casetrack.avro.ReportHeadcount;

/** The compound requests of API.md's Reports section, read into command payloads. */
final class CompoundInputs {
    private static final Pattern RELIABILITY = Pattern.compile("[A-F][1-6]");
    private static final int SOURCE = 2000;

    private CompoundInputs() {
    }

    static DiscoverCompound discover(JsonInput in) {
        DiscoverCompound.Builder b = DiscoverCompound.newBuilder();
        JsonInput.set(in.requiredString("name", 200), b::setName);
        JsonInput.set(in.requiredCountry("country", false), b::setCountry);
        JsonInput.set(in.requiredPastDate("discoveredOn"), b::setDiscoveredOn);
        in.optionalString("province", 200).ifPresent(b::setProvince);
        in.optionalString("locality", 200).ifPresent(b::setLocality);
        in.optionalNumber("latitude", -90, 90).ifPresent(b::setLatitude);
        in.optionalNumber("longitude", -180, 180).ifPresent(b::setLongitude);
        in.optionalString("source", SOURCE).ifPresent(b::setSource);
        reliability(in).ifPresent(b::setReliability);
        in.rejectUnknownFields();
        return in.problems().isEmpty() ? b.build() : null;
    }

    static ChangeCompoundStatus status(JsonInput in) {
        ChangeCompoundStatus.Builder b = ChangeCompoundStatus.newBuilder();
        JsonInput.set(in.requiredEnum("status", CompoundStatus.class), b::setStatus);
        JsonInput.set(in.requiredPastDate("effectiveOn"), b::setEffectiveOn);
        in.optionalString("source", SOURCE).ifPresent(b::setSource);
        in.rejectUnknownFields();
        return in.problems().isEmpty() ? b.build() : null;
    }

    static ReportHeadcount headcount(JsonInput in) {
        ReportHeadcount.Builder b = ReportHeadcount.newBuilder();
        JsonInput.set(in.requiredPastDate("reportedOn"), b::setReportedOn);
        Integer min = in.requiredInt("min", 0, 1_000_000);
        Integer max = in.requiredInt("max", 0, 1_000_000);
        if (min != null && max != null && min > max) {
            in.invalid("min", "must not be greater than max");
        }
        b.setNationalities(in.countryList("nationalities"));
        in.optionalString("source", SOURCE).ifPresent(b::setSource);
        reliability(in).ifPresent(b::setReliability);
        in.rejectUnknownFields();
        return in.problems().isEmpty() ? b.setMin(min).setMax(max).build() : null;
    }

    static RecordOperatorArrest operatorArrest(JsonInput in) {
        RecordOperatorArrest.Builder b = RecordOperatorArrest.newBuilder();
        JsonInput.set(in.requiredPastDate("arrestedOn"), b::setArrestedOn);
        String source = in.requiredString("publicSource", SOURCE);
        if (source != null && !(source.startsWith("https://") || source.startsWith("http://"))) {
            in.invalid("publicSource", "must be the address of a public source (http or https)");
        }
        in.rejectUnknownFields();
        return in.problems().isEmpty() ? b.setPublicSource(source).build() : null;
    }

    private static java.util.Optional<String> reliability(JsonInput in) {
        java.util.Optional<String> grade = in.optionalString("reliability", 2);
        if (grade.isPresent() && !RELIABILITY.matcher(grade.get()).matches()) {
            in.invalid("reliability", "must be an Admiralty grade: a letter A-F and a digit 1-6, like B2");
            return java.util.Optional.empty();
        }
        return grade;
    }
}
