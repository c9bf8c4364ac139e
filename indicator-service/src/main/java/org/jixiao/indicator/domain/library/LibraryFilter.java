package org.jixiao.indicator.domain.library;

/**
 * A search of the library; every part is optional. {@code text} matches name or description,
 * {@code department} keeps what suits that department (共性 indicators suit every department).
 */
public record LibraryFilter(String text, String level1, String level2, String department) {

    public LibraryFilter forDepartment(String code) {
        return new LibraryFilter(text, level1, level2, code);
    }
}
