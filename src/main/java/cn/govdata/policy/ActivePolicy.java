package cn.govdata.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The policy profile in force, chosen per deployment by {@code govdata.policy}: a shipped profile's name
 * or the path of a custom YAML file. A profile that does not load or validate stops the start-up with a
 * message naming the file and the field, rather than running on half a rule set.
 */
@Component
public class ActivePolicy {

    public static final List<String> SHIPPED = List.of("yantai", "ningxia", "aba", "taijiang", "fuzhou");

    private final PolicyProfile profile;

    ActivePolicy(@Value("${govdata.policy:yantai}") String selection, JsonMapper json, Validator validator) {
        this.profile = load(selection, json, validator);
    }

    public PolicyProfile profile() {
        return profile;
    }

    /** Loads and validates a shipped profile by name or a custom one by path, as at start-up. */
    public static PolicyProfile load(String selection, JsonMapper json, Validator validator) {
        String source;
        Object tree;
        try {
            if (SHIPPED.contains(selection)) {
                source = "classpath:policy/profiles/" + selection + ".yml";
                try (InputStream in = new ClassPathResource("policy/profiles/" + selection + ".yml").getInputStream()) {
                    tree = yaml().load(in);
                }
            } else {
                Path file = Path.of(selection);
                source = file.toAbsolutePath().toString();
                if (!Files.isRegularFile(file)) {
                    throw new InvalidPolicyException("Unknown policy profile '" + selection + "': use one of " + SHIPPED
                            + " or the path of a profile file");
                }
                try (InputStream in = Files.newInputStream(file)) {
                    tree = yaml().load(in);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidPolicyException invalid) {
                throw invalid;
            }
            throw new InvalidPolicyException("Cannot read policy profile '" + selection + "': " + e.getMessage(), e);
        }
        PolicyProfile profile;
        try {
            profile = json.rebuild().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .convertValue(tree, PolicyProfile.class);
        } catch (RuntimeException e) {
            throw new InvalidPolicyException("Policy profile " + source + " is not valid: " + e.getMessage(), e);
        }
        Set<ConstraintViolation<PolicyProfile>> violations = validator.validate(profile);
        if (!violations.isEmpty()) {
            throw new InvalidPolicyException("Policy profile " + source + " is not valid: " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
        }
        return profile;
    }

    private static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    /** Thrown at start-up for a profile that cannot be used. */
    static class InvalidPolicyException extends IllegalStateException {
        InvalidPolicyException(String message) {
            super(message);
        }

        InvalidPolicyException(String message, Throwable cause) {
            super(message, cause);
        }
    }

}
