package org.jixiao.common.test.arch.sample.domain;

/** A rule that answers with an HTTP status: what the layering forbids. */
public class HttpAwareRule {
    public jakarta.ws.rs.core.Response.Status check() {
        return jakarta.ws.rs.core.Response.Status.CONFLICT;
    }
}
