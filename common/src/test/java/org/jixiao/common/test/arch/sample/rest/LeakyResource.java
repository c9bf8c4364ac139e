package org.jixiao.common.test.arch.sample.rest;

import org.jixiao.common.test.arch.sample.repository.SampleRepository;

/** A resource that reads the repository itself: what the layering forbids. */
public class LeakyResource {
    private final SampleRepository repository = new SampleRepository();

    public String get() {
        return repository.find();
    }
}
