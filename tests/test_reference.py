"""The DRI table and the reference constants, as cited in docs/references.md."""

from __future__ import annotations

import pytest

from camg.errors import CamgError
from camg.reference import Profile, default_range, intakes_for, molar_factor


@pytest.mark.parametrize(
    ("profile", "calcium", "magnesium", "calcium_ul"),
    [
        (Profile("female", 30), 1000, 310, 2500),
        (Profile("female", 31), 1000, 320, 2500),  # magnesium changes at 31, not 51
        (Profile("female", 51), 1200, 320, 2000),
        (Profile("male", 30.9), 1000, 400, 2500),
        (Profile("male", 31), 1000, 420, 2500),
        (Profile("male", 71), 1200, 420, 2000),
        (Profile("male", 15), 1300, 410, 3000),
        (Profile("female", 6), 1000, 130, 2500),
        (Profile("female", 25, pregnant=True), 1000, 350, 2500),
        (Profile("female", 17, lactating=True), 1300, 360, 3000),
    ],
)
def test_intakes_by_life_stage(profile, calcium, magnesium, calcium_ul):
    intakes = intakes_for(profile)
    assert (intakes.calcium_rda_mg, intakes.magnesium_rda_mg, intakes.calcium_ul_mg) == (
        calcium,
        magnesium,
        calcium_ul,
    )


def test_magnesium_limit_is_for_supplements_and_absent_for_infants():
    assert intakes_for(Profile("male", 40)).magnesium_supplement_ul_mg == 350
    assert intakes_for(Profile("female", 3)).magnesium_supplement_ul_mg == 65
    assert intakes_for(Profile("female", 0.3)).magnesium_supplement_ul_mg is None


@pytest.mark.parametrize(
    "profile",
    [
        Profile("male", 30, pregnant=True),
        Profile("female", 60, pregnant=True),
        Profile("female", 30, pregnant=True, lactating=True),
    ],
)
def test_impossible_profiles_are_refused(profile):
    with pytest.raises(CamgError):
        intakes_for(profile)


def test_constants_come_from_the_reference_table():
    assert default_range() == (2.0, 2.8)
    assert molar_factor() == pytest.approx(24.305 / 40.078)
