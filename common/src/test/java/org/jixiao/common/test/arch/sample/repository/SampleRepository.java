package org.jixiao.common.test.arch.sample.repository;

/** Part of the deliberately broken sample the rules must reject. */
public class SampleRepository {
    public String find() {
        return "row";
    }
}
