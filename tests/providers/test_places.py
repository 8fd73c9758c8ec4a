import pytest

from providers.places import zip_lookup


def test_a_real_zip_gives_its_centre_offline():
    place = zip_lookup("60623")
    assert place is not None
    assert (place.city, place.state) == ("Chicago", "IL")
    assert place.latitude == pytest.approx(41.85, abs=0.1)
    assert place.longitude == pytest.approx(-87.72, abs=0.1)


def test_zip_plus_four_uses_the_first_five_digits():
    assert zip_lookup("10001-1234") == zip_lookup("10001")


@pytest.mark.parametrize(
    "value", ["", "1234", "abcde", "00000", "99999", "1e5", "\uff11\uff12\uff13", None]
)
def test_malformed_or_unknown_zips_give_nothing(value):
    assert zip_lookup(value) is None


def test_digits_from_other_scripts_are_read_as_digits():
    arabic_indic = "\u0661\u0660\u0660\u0660\u0661"
    fullwidth = "\uff11\uff10\uff10\uff10\uff11"
    assert zip_lookup(arabic_indic) == zip_lookup(fullwidth) == zip_lookup("10001")
