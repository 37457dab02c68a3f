"""The word diff translators read: which paragraphs changed, and which words in them."""

from haven.core.worddiff import Kind, Paragraph, Piece, paragraphs


def test_only_changed_paragraphs_are_kept_with_the_line_of_their_first_change():
    old = "First paragraph.\n\nSecond paragraph stays.\n\nThird one.\n"
    new = "First paragraph, longer.\n\nSecond paragraph stays.\n\nThird one.\n\nA fourth.\n"
    assert paragraphs(old, new, first_line=10) == [
        Paragraph(
            10,
            (
                Piece(Kind.SAME, "First paragraph", ""),
                Piece(Kind.ADDED, ", longer", ""),
                Piece(Kind.SAME, ".", ""),
            ),
        ),
        Paragraph(16, (Piece(Kind.ADDED, "A fourth.", ""),)),
    ]


def test_a_removed_paragraph_stands_alone_at_the_line_where_it_was():
    old = "Keep this.\n\nRemove this one.\n\nKeep that.\n"
    new = "Keep this.\n\nKeep that.\n"
    assert paragraphs(old, new) == [Paragraph(3, (Piece(Kind.REMOVED, "Remove this one.", ""),))]
    # Removed at the end: the line after the last one.
    assert paragraphs("Keep this.\n\nRemove this.\n", "Keep this.\n") == [
        Paragraph(2, (Piece(Kind.REMOVED, "Remove this.", ""),))
    ]


def test_a_change_of_spacing_alone_is_no_change():
    assert paragraphs("Keep the door closed.\n", "Keep the   door\nclosed.   \n") == []


def test_words_far_from_a_change_are_left_out_but_never_one_alone():
    old = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
    new = old.replace("eleven", "11")
    assert paragraphs(old, new) == [
        Paragraph(
            1,
            (
                Piece(Kind.GAP, "…", " "),
                Piece(Kind.SAME, "five six seven eight nine ten", " "),
                Piece(Kind.REMOVED, "eleven", ""),
                Piece(Kind.ADDED, "11", " "),
                Piece(Kind.SAME, "twelve thirteen fourteen", ""),
            ),
        )
    ]
    # One word far from the change is shown as it is: "…" would be as long.
    assert paragraphs(old, old.replace("eight", "8"))[0].pieces[0] == Piece(
        Kind.SAME, "one two three four five six seven", " "
    )
