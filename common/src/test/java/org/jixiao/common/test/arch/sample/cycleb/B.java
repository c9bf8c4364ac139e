package org.jixiao.common.test.arch.sample.cycleb;

/** The other half of a package cycle. */
public class B {
    public org.jixiao.common.test.arch.sample.cyclea.A partner() {
        return null;
    }
}
