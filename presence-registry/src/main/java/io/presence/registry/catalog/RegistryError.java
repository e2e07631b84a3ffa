package io.presence.registry.catalog;

/**
 * The errors the registry answers with: the HTTP status and the {@code error_code} of Confluent's
 * {@code Errors.java}, because clients branch on the code (40401/40403 feed the Java client's negative
 * cache; kafkajs treats 40408 as "first registration"). Generic HTTP errors carry their status as the
 * code, as Confluent's rest-utils does.
 */
public enum RegistryError {
    MALFORMED_REQUEST(400, 400),
    SUBJECT_NOT_FOUND(404, 40401),
    VERSION_NOT_FOUND(404, 40402),
    SCHEMA_NOT_FOUND(404, 40403),
    SUBJECT_SOFT_DELETED(404, 40404),
    SUBJECT_NOT_SOFT_DELETED(404, 40405),
    VERSION_SOFT_DELETED(404, 40406),
    VERSION_NOT_SOFT_DELETED(404, 40407),
    SUBJECT_LEVEL_NOT_CONFIGURED(404, 40408),
    INCOMPATIBLE_SCHEMA(409, 40901),
    INVALID_SCHEMA(422, 42201),
    INVALID_VERSION(422, 42202),
    INVALID_COMPATIBILITY_LEVEL(422, 42203),
    STORE_ERROR(500, 50001),
    INTERNAL_ERROR(500, 500),
    NOT_READY(503, 503);

    private final int httpStatus;
    private final int errorCode;

    RegistryError(int httpStatus, int errorCode) {
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int errorCode() {
        return errorCode;
    }
}
