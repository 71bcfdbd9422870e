package org.casetrack.standalone.health;

import java.util.Map;

/**
 * The state of one part of casetrack, for /health and the start-up wait. Details are states, counts
 * and names of parts only: never an exception message (it could quote data) and never personal data.
 */
public record ComponentHealth(String name, boolean up, Map<String, Object> details) {

    public static ComponentHealth up(String name, Map<String, Object> details) {
        return new ComponentHealth(name, true, details);
    }

    public static ComponentHealth down(String name, Map<String, Object> details) {
        return new ComponentHealth(name, false, details);
    }

    /** A check that threw: only the exception's class is reported. */
    public static ComponentHealth failed(String name, Throwable error) {
        return new ComponentHealth(name, false, Map.of("error", error.getClass().getName()));
    }
}
