from haven.render.formnumbers import keep_whole


def test_form_numbers_are_kept_on_one_line():
    html = "<li><strong>Form I-200</strong> or I-205, and G-28.</li>"
    assert keep_whole(html) == (
        '<li><strong>Form <span class="haven-nowrap">I-200</span></strong> or '
        '<span class="haven-nowrap">I-205</span>, and <span class="haven-nowrap">G-28</span>.</li>'
    )


def test_phone_numbers_a_numbers_links_and_code_are_left_alone():
    html = (
        '<p><a href="forms/I-200.pdf">1-800-898-7180</a> A-number, A 234 567 890, <code>I-200</code>, EOIR-56x, X-1</p>'
    )
    assert keep_whole(html) == html
