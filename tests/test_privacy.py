"""Tests for goedgenoeg.privacy: spotting personal data in free text."""

import pytest

from goedgenoeg.privacy import KIND_LABELS, Finding, find_personal_data, mask


def kinds_and_texts(text):
    return [(f.kind, f.text) for f in find_personal_data(text)]


# --- BSN (Dutch citizen service number, 11-test) ---------------------------


@pytest.mark.parametrize("bsn", ["111222333", "123456782", "1234.56.782", "1112.22.333"])
def test_valid_bsn_is_found(bsn):
    assert kinds_and_texts(f"Het BSN van de cliënt is {bsn}.") == [("bsn", bsn)]


@pytest.mark.parametrize("number", ["123456789", "111222334", "1234.56.783", "000000000"])
def test_bsn_with_wrong_check_digit_is_not_flagged(number):
    assert find_personal_data(f"Het nummer is {number}.") == []


def test_nine_digits_passing_the_11_test_are_a_bsn_not_a_phone_number():
    # 021234565 also looks like a Belgian landline, but it passes the 11-test.
    assert kinds_and_texts("nummer 021234565") == [("bsn", "021234565")]


def test_bsn_inside_longer_number_is_not_flagged():
    assert find_personal_data("referentie 91234567820 en X123456782") == []


# --- Belgian rijksregisternummer ------------------------------------------


@pytest.mark.parametrize(
    "rrn",
    [
        "85.07.30-033.28",  # born 1985
        "85073003328",
        "850730 033 28",
        "05.06.12-004.06",  # born 2005: check uses the "2" prefix
        "01031512380",  # born 2001
    ],
)
def test_valid_rijksregisternummer_is_found(rrn):
    assert kinds_and_texts(f"rijksregisternummer {rrn} genoteerd") == [("rrn", rrn)]


@pytest.mark.parametrize("rrn", ["85.07.30-033.29", "85073003327", "05.06.12-004.07", "01031512381"])
def test_rijksregisternummer_with_wrong_check_digits_is_not_flagged(rrn):
    assert find_personal_data(f"rijksregisternummer {rrn} genoteerd") == []


# --- e-mail ----------------------------------------------------------------


@pytest.mark.parametrize(
    "email",
    ["jan.jansen@example.nl", "j.de-vries+school@mail.example.be", "info_2@voorbeeld.co.uk"],
)
def test_email_is_found_without_trailing_punctuation(email):
    assert kinds_and_texts(f"Mail naar {email}.") == [("email", email)]


def test_at_sign_without_address_is_not_an_email():
    assert find_personal_data("We zien elkaar @ school, om 10 uur.") == []


# --- phone numbers ---------------------------------------------------------


@pytest.mark.parametrize(
    "phone",
    [
        # Dutch
        "06-12345678",
        "06 1234 5678",
        "0612345678",
        "+31 6 12345678",
        "+31612345678",
        "0031 6 12345678",
        "+31 (0)6 12345678",
        "020-1234567",
        "010 123 4567",
        "+31 20 1234567",
        # Belgian
        "0470 12 34 56",
        "0470/12.34.56",
        "+32 470 12 34 56",
        "0032 470 12 34 56",
        # Brussels and Ghent numbers do not start with 1 after the area code (numbering plan)
        "02 511 22 33",
        "+32 2 511 22 33",
        "09/223.45.67",
        "011 12 34 56",
    ],
)
def test_phone_number_is_found(phone):
    assert kinds_and_texts(f"Bereikbaar op {phone}, ook 's avonds.") == [("phone", phone)]


@pytest.mark.parametrize(
    "number",
    [
        "+31 6 1234567",  # one digit short
        "+31 6 1234567890",  # too long
        "+32 470 12 34 5",  # Belgian mobile needs 9 digits after +32
        "+32 2 123 45 678",  # Belgian landline needs 8
        "06-123456",
        "0470 12 34 5",
    ],
)
def test_phone_number_with_wrong_length_is_not_flagged(number):
    assert find_personal_data(f"Bereikbaar op {number} misschien.") == []


# --- IBAN ------------------------------------------------------------------


@pytest.mark.parametrize(
    "iban",
    [
        "NL91ABNA0417164300",
        "NL91 ABNA 0417 1643 00",
        "BE68539007547034",
        "BE68 5390 0754 7034",
        "DE89 3704 0044 0532 0130 00",
    ],
)
def test_valid_iban_is_found(iban):
    assert kinds_and_texts(f"Maak het over naar {iban} voor vrijdag.") == [("iban", iban)]


@pytest.mark.parametrize(
    "iban",
    [
        "NL91ABNA0417164301",
        "NL91 ABNA 0417 1643 01",
        "BE68539007547035",
        "BE68 5390 0754 7035",
        "NL91ABNA041716430",  # right check digits, wrong length for NL
    ],
)
def test_iban_with_wrong_check_digit_is_not_flagged(iban):
    assert find_personal_data(f"Maak het over naar {iban} voor vrijdag.") == []


def test_iban_followed_by_capitalised_word_is_found_without_that_word():
    assert kinds_and_texts("IBAN BE68 5390 0754 7034 VOOR de huur") == [("iban", "BE68 5390 0754 7034")]


# --- things that are not personal data ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Gesprek op 12-05-2024 om 17:00 uur.",
        "Afspraak 01-05-2024 17:00 en 01.05.2024 1730.",
        "Sinds 2019 woont zij in de regio; in 2024 verhuisd.",
        "Moeder heeft 3 kinderen van 2, 4 en 7 jaar.",
        "De schuld bedraagt € 1.250,00 en er is € 125.000 gespaard.",
        "Zie dossier GG-2024-017 en GG-2023-1234567.",
        "Gezin telt 12 personen, 345 contacten in 2023, 12345678 stappen.",
        "Bijeenkomst van 09:00 tot 10:30, kamer 0.12.",
        "",
    ],
)
def test_ordinary_text_has_no_findings(text):
    assert find_personal_data(text) == []


# --- several findings ------------------------------------------------------


def test_several_findings_in_one_text_are_sorted_and_do_not_overlap():
    text = (
        "Cliënt (BSN 111222333) belt via 06-12345678 of mailt naar "
        "client@example.nl; zijn rekening is NL91 ABNA 0417 1643 00, "
        "rijksregisternummer 85.07.30-033.28, vader: +32 470 12 34 56."
    )
    findings = find_personal_data(text)
    assert [(f.kind, f.text) for f in findings] == [
        ("bsn", "111222333"),
        ("phone", "06-12345678"),
        ("email", "client@example.nl"),
        ("iban", "NL91 ABNA 0417 1643 00"),
        ("rrn", "85.07.30-033.28"),
        ("phone", "+32 470 12 34 56"),
    ]
    for f in findings:
        assert text[f.start : f.end] == f.text
    for a, b in zip(findings, findings[1:], strict=False):
        assert a.end <= b.start


def test_digits_inside_an_email_or_iban_are_not_reported_separately():
    text = "mail 123456782@example.nl of NL91ABNA0417164300"
    assert kinds_and_texts(text) == [
        ("email", "123456782@example.nl"),
        ("iban", "NL91ABNA0417164300"),
    ]


def test_digits_of_an_invalid_iban_are_not_reported_as_phone_number():
    assert find_personal_data("rekening NL91 ABNA 0417 1643 01") == []


def test_finding_positions_and_immutability():
    finding = find_personal_data("BSN: 123456782")[0]
    assert finding == Finding("bsn", "123456782", 5, 14)
    with pytest.raises(AttributeError):
        finding.text = "x"  # type: ignore[misc]


# --- labels and masking ----------------------------------------------------


@pytest.mark.parametrize("kind", ["bsn", "rrn", "email", "phone", "iban"])
def test_every_kind_has_dutch_and_english_label(kind):
    assert KIND_LABELS[kind]["nl"]
    assert KIND_LABELS[kind]["en"]


def test_bsn_labels():
    assert KIND_LABELS["bsn"] == {"nl": "BSN-nummer", "en": "Dutch citizen service number (BSN)"}


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("123456782", "12*******"),
        ("06-12345678", "06*********"),
        ("jan@example.nl", "ja************"),
        ("ab", "**"),
        ("", ""),
    ],
)
def test_mask_keeps_only_first_two_characters(text, masked):
    assert mask(text) == masked
    assert len(mask(text)) == len(text)
