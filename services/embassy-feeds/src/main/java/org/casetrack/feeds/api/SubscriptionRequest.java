package org.casetrack.feeds.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.casetrack.access.http.FieldError;
import org.casetrack.access.http.ProblemException;
import org.casetrack.feeds.webhooks.Signatures;
import org.casetrack.feeds.webhooks.TargetPolicy;

/**
 * The body of {@code POST /api/v1/subscriptions}; unknown fields are refused. The secret is either a
 * Standard Webhooks secret ({@code whsec_} and base64 of 24 to 64 random bytes) or a passphrase of
 * 24 to 256 characters. Error messages never repeat a value.
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
public record SubscriptionRequest(@Nullable String url, @Nullable String secret, @Nullable String agreement) {
    private static final Pattern AGREEMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,99}");
    private static final int MIN_KEY = 24;
    private static final int MAX_KEY = 64;
    private static final int MAX_PASSPHRASE = 256;

    /** A request that passed validation. */
    record Valid(URI url, String secret, String agreement) {
        @Override
        public String toString() {
            return "Valid[" + agreement + "]";
        }
    }

    /** @throws ProblemException 400 listing every invalid field */
    Valid validated(TargetPolicy policy) {
        List<FieldError> errors = new ArrayList<>();
        URI target = null;
        try {
            target = policy.check(url);
        } catch (TargetPolicy.Refused e) {
            errors.add(new FieldError("url", e.getMessage()));
        }
        secretProblem().ifPresent(p -> errors.add(new FieldError("secret", p)));
        if (agreement == null || agreement.isBlank()) {
            errors.add(new FieldError("agreement", "is required: the data-sharing agreement the subscription operates under"));
        } else if (!AGREEMENT.matcher(agreement).matches()) {
            errors.add(new FieldError("agreement", "must be a reference of letters, digits and . _ / - (at most 100 characters)"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The subscription is invalid", errors);
        }
        return new Valid(target, secret, agreement);
    }

    private Optional<String> secretProblem() {
        if (secret == null || secret.isEmpty()) {
            return Optional.of("is required");
        }
        if (secret.startsWith(Signatures.PREFIX)) {
            try {
                int length = Signatures.key(secret).length;
                return length < MIN_KEY || length > MAX_KEY
                        ? Optional.of("a whsec_ secret must hold " + MIN_KEY + " to " + MAX_KEY + " bytes") : Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.of("after whsec_ must come base64");
            }
        }
        if (secret.length() < MIN_KEY || secret.length() > MAX_PASSPHRASE || secret.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("must be whsec_<base64> or " + MIN_KEY + " to " + MAX_PASSPHRASE + " printable characters");
        }
        return Optional.empty();
    }

    /** Never prints the secret: request objects end up in debug output. */
    @Override
    public String toString() {
        return "SubscriptionRequest[agreement=" + agreement + "]";
    }
}
