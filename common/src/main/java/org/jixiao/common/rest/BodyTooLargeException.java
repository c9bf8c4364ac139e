package org.jixiao.common.rest;

import java.io.IOException;

/** A request body longer than its endpoint accepts, found while it was being read (413). */
public class BodyTooLargeException extends IOException {

    public BodyTooLargeException(long limit) {
        super("the request body is larger than " + limit + " bytes, the most this endpoint accepts");
    }
}
