package org.jixiao.common.test.arch.sample.cyclea;

/** One half of a package cycle. */
public class A {
    public org.jixiao.common.test.arch.sample.cycleb.B partner() {
        return null;
    }
}
