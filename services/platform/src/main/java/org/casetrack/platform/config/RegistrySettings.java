package org.casetrack.platform.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.Optional;

/**
 * Where schema ids come from, under {@code schema-registry.*} (environment: SCHEMA_REGISTRY_URL,
 * SCHEMA_REGISTRY_AUTHORIZATION, SCHEMA_REGISTRY_AUTO_REGISTER). Without a URL the embedded
 * registry runs on the _schemas topic and registers schemas as they are first written; with a URL
 * (compose: Apicurio's /apis/ccompat/v7) schemas are registered at deploy and auto-registration is off.
 */
@ConfigurationProperties("schema-registry")
public record RegistrySettings(@Nullable String url, @Nullable String authorization, @Nullable Boolean autoRegister) {

    public Optional<String> remoteUrl() {
        return Optional.ofNullable(url).filter(u -> !u.isBlank());
    }

    public boolean autoRegistration() {
        return autoRegister != null ? autoRegister : remoteUrl().isEmpty();
    }

    @Override
    public String toString() {
        return "RegistrySettings[url=" + url + ", autoRegister=" + autoRegistration() + "]";
    }

    public Optional<String> authorizationHeader() {
        return Optional.ofNullable(authorization).filter(a -> !a.isBlank());
    }
}
