package io.presence.schemas.serde;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12.2 refuses to instantiate generated classes from packages it does not trust. Rather
 * than require {@code -Dorg.apache.avro.SERIALIZABLE_PACKAGES} on every JVM (tests, services,
 * tools, users' consumers), the serde trusts our one generated package when it is first loaded.
 */
final class AvroClassTrust {

    static final String GENERATED_PACKAGE = "io.presence.avro";

    private static boolean installed;

    private AvroClassTrust() {
    }

    static synchronized void install() {
        if (installed) {
            return;
        }
        ClassSecurityValidator.ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(
                previous, type -> GENERATED_PACKAGE.equals(type.getPackageName())));
        installed = true;
    }
}
