package org.jixiao.common.messaging;

/** A record that can never be processed (poison message): retrying will not help. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
