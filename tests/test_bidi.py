from haven.render.bidi import isolate_latin_parentheticals as isolate


def test_latin_parenthetical_in_arabic_is_isolated():
    html = "<td>وزارة الأمن الداخلي (Department of Homeland Security)، و «Form I-200»</td>"
    assert isolate(html) == (
        "<td>وزارة الأمن الداخلي <bdi>(Department of Homeland Security)</bdi>، و <bdi>«Form I-200»</bdi></td>"
    )


def test_arabic_parentheticals_attributes_and_code_are_left_alone():
    html = (
        '<p title="a (Latin) title">قاضٍ (قاضي المحكمة) «رقم A» و <code>f(x)</code>'
        '<a href="tel:+18008987180">1-800-898-7180</a> (1-800)</p>'
    )
    assert isolate(html) == html  # (1-800) has no letters: nothing to isolate


def test_several_in_one_text_node():
    html = "<li>ممثل معتمد (accredited representative) و «رقم A» (A-number).</li>"
    assert isolate(html).count("<bdi>") == 2
