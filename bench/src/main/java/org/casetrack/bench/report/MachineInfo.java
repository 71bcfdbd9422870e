package org.casetrack.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The machine a run measured: processor, cores, memory, load when it started, operating system and Java. */
public final class MachineInfo {
    private MachineInfo() {
    }

    public static Map<String, String> describe() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("processor", firstMatching(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch")));
        info.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        firstMatching(Path.of("/proc/meminfo"), "MemTotal").ifPresent(m -> info.put("memory", m));
        read(Path.of("/proc/loadavg")).ifPresent(l -> info.put("load average at start (1, 5, 15 min)", String.join(" ",
                List.of(l.split("\\s+")).subList(0, 3))));
        info.put("operating system", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        info.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        info.put("heap (max)", Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
        return info;
    }

    private static java.util.Optional<String> firstMatching(Path file, String key) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim());
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private static java.util.Optional<String> read(Path file) {
        try {
            return java.util.Optional.of(Files.readString(file).trim());
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
