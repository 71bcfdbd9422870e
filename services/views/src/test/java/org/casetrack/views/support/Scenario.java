package org.casetrack.views.support;

import static org.casetrack.views.Events.*;

import java.time.LocalDate;
import java.time.ZoneId;
import org.casetrack.avro.CompoundState;
import org.casetrack.avro.DetentionOutcome;
import org.casetrack.avro.DetentionType;

/**
 * The sample population of the end-to-end tests, with dates relative to today in Asia/Phnom_Penh so
 * the days-waiting buckets are known: four registered compounds, groups of several nationalities,
 * repatriations, arrests on return, an arrest and release, a closure, a case of unknown compound and
 * one identified later.
 */
public final class Scenario {
    public static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Phnom_Penh"));

    private Scenario() {
    }

    public static void write(LedgerOutput ledger) {
        CompoundState gwp = withHeadcount(registered("gwp", "Great Wall Park", day(120)), 150, 250, day(90));
        CompoundState poipet = withOperatorArrest(registered("poipet", "Compound near Poipet", day(120)), day(20));
        ledger.register(gwp);
        ledger.register(poipet);
        ledger.register(registered("bavet", "Bavet compound", day(130)));
        ledger.register(registered("kampot", "Kampot compound", day(130)));
        ledger.compoundEvent(discovered("gwp", "Great Wall Park", day(120)));
        ledger.compoundEvent(discovered("poipet", "Compound near Poipet", day(120)));
        ledger.compoundEvent(discovered("bavet", "Bavet compound", day(130)));
        ledger.compoundEvent(discovered("kampot", "Kampot compound", day(130)));
        ledger.compoundEvent(operatorArrested("poipet", day(20)));
        for (int i = 0; i < 32; i++) {
            String id = "th-" + i;
            ledger.caseEvent(escape(id, "gwp", "TH", day(100)));
            ledger.caseEvent(repatriated(id, day(99)));
            if (i < 6) {
                ledger.caseEvent(arrested(id, day(99), DetentionType.CRIMINAL));
            }
        }
        for (int i = 0; i < 8; i++) {
            String id = "vn-" + i;
            ledger.caseEvent(escape(id, "poipet", "VN", day(10)));
            if (i < 2) {
                ledger.caseEvent(repatriated(id, day(5)));
            }
        }
        ledger.caseEvent(arrested("vn-7", day(8), DetentionType.IMMIGRATION));
        ledger.caseEvent(detentionEnded("vn-7", day(6), DetentionOutcome.RELEASED));
        for (int i = 0; i < 5; i++) {
            ledger.caseEvent(escape("id-" + i, "poipet", "ID", day(3)));
        }
        for (int i = 0; i < 3; i++) {
            ledger.caseEvent(escape("cn-" + i, "poipet", "CN", day(60)));
        }
        ledger.caseEvent(escape("mm-0", "poipet", "MM", day(10)));
        ledger.caseEvent(closed("mm-0", day(2)));
        ledger.caseEvent(escape("la-0", null, "LA", day(1)));
        ledger.caseEvent(escape("la-1", null, "LA", day(1)));
        ledger.caseEvent(compoundIdentified("la-1", "bavet"));
        ledger.flush();
    }

    public static LocalDate day(int daysAgo) {
        return TODAY.minusDays(daysAgo);
    }
}
