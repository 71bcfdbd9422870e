package org.casetrack.standalone.health;

import java.util.List;

/** A part of casetrack whose state /health reports; blocking, bounded by short timeouts. */
public interface ComponentCheck {

    /** The components this check reports on (the Streams check reports one per application). */
    List<ComponentHealth> check();
}
