package org.casetrack.access.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.Optional;

/**
 * Access settings under {@code casetrack.*} (environment: CASETRACK_*).
 *
 * @param adminToken        the admin token to accept (CASETRACK_ADMIN_TOKEN); none when unset
 * @param adminOrganisation the organisation the admin token acts for
 * @param masterKey         base64 of the 32-byte master key that wraps every data key (CASETRACK_MASTER_KEY)
 * @param masterKeyFile     where the master key is read from when {@code masterKey} is unset, and
 *                          generated into (owner-only) when the file does not exist (CASETRACK_MASTER_KEY_FILE)
 * @param tokenCacheTtl     how long a looked-up token is trusted without asking the database again;
 *                          a revocation clears this instance's cache at once, other instances honour
 *                          a revoked token for at most this long ({@code 0s} turns the cache off)
 * @param keyCacheTtl       how long an unwrapped data key stays in memory; an erasure clears this
 *                          instance's cache at once; another instance may open the case's data for at
 *                          most this long unless it calls {@code DataKeyStore.evict} on PersonalDataErased
 *                          ({@code 0s} turns the cache off)
 */
@ConfigurationProperties("casetrack")
public record AccessSettings(
        @Nullable String adminToken,
        @Bindable(defaultValue = "casetrack") String adminOrganisation,
        @Nullable String masterKey,
        @Nullable String masterKeyFile,
        @Bindable(defaultValue = "2s") Duration tokenCacheTtl,
        @Bindable(defaultValue = "10s") Duration keyCacheTtl) {

    public Optional<String> adminTokenValue() {
        return Optional.ofNullable(adminToken).filter(t -> !t.isBlank());
    }

    public Optional<String> masterKeyValue() {
        return Optional.ofNullable(masterKey).filter(k -> !k.isBlank());
    }

    public Optional<String> masterKeyFileValue() {
        return Optional.ofNullable(masterKeyFile).filter(f -> !f.isBlank());
    }

    /** Never prints the secrets: settings objects end up in debug output. */
    @Override
    public String toString() {
        return "AccessSettings[adminToken=" + (adminTokenValue().isPresent() ? "(set)" : "(unset)")
                + ", adminOrganisation=" + adminOrganisation
                + ", masterKey=" + (masterKeyValue().isPresent() ? "(set)" : "(unset)")
                + ", masterKeyFile=" + masterKeyFile
                + ", tokenCacheTtl=" + tokenCacheTtl + ", keyCacheTtl=" + keyCacheTtl + "]";
    }
}
