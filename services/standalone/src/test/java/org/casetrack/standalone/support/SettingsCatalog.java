package org.casetrack.standalone.support;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.inject.qualifiers.Qualifiers;
import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.casetrack.standalone.StandaloneSettings;

/**
 * Every setting casetrack's code reads, found the way Micronaut finds them: the
 * {@code @ConfigurationProperties} records of every module on the classpath, each component a
 * setting, named as its environment variable (feeds.sse.max-streams -> FEEDS_SSE_MAX_STREAMS).
 */
public final class SettingsCatalog {

    /** @param hasDefault whether the code has a default (a {@code @Bindable} default value) */
    public record Setting(String property, String variable, boolean hasDefault, Class<?> owner) {
    }

    private SettingsCatalog() {
    }

    public static Map<String, Setting> byVariable() {
        Map<String, Object> off = new HashMap<>();
        StandaloneSettings.ALL_SERVICES.forEach(s -> off.put(s + ".enabled", "false"));
        off.put("casetrack.metrics.cluster-enabled", "false");
        Map<String, Setting> settings = new TreeMap<>();
        try (ApplicationContext context = ApplicationContext.builder().properties(off).start()) {
            context.getBeanDefinitions(Qualifiers.byStereotype(ConfigurationProperties.class)).stream()
                    .map(d -> d.getBeanType())
                    .filter(t -> t.getName().startsWith("org.casetrack.") && t.isRecord())
                    .distinct()
                    .forEach(type -> {
                        String prefix = type.getAnnotation(ConfigurationProperties.class).value();
                        RecordComponent[] components = type.getRecordComponents();
                        Parameter[] parameters = canonicalConstructor(type, components).getParameters();
                        for (int i = 0; i < components.length; i++) {
                            String property = prefix + "." + kebab(components[i].getName());
                            // @Bindable targets parameters: it stays on the canonical constructor's, not on the component
                            Bindable bindable = parameters[i].getAnnotation(Bindable.class);
                            boolean hasDefault = bindable != null; // an empty default (topic prefix) is a default too
                            settings.put(variable(property), new Setting(property, variable(property), hasDefault, type));
                        }
                    });
        }
        return settings;
    }

    private static Constructor<?> canonicalConstructor(Class<?> type, RecordComponent[] components) {
        try {
            return type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("A record without its canonical constructor: " + type, e);
        }
    }

    public static String variable(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
