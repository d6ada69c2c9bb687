"""Phone numbers (generator/inventory/phones.py): read with phonenumbers in the entry's or the
organisation's country, impossible numbers rejected with file:line:column and the fix, printed in
international format, toll-free read from the number; the California request-methods rule uses it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import COMPANIES, REFERENCE, REPO, variant
from generator.errors import InputError
from generator.inventory.load import load_text
from generator.inventory.parse import parse
from generator.notice.export import inventory_json
from generator.rules import check_completeness

US = COMPANIES["us"]
UK = COMPANIES["uk"]
PHONE_LINE = '    - {kind: phone, number: "+1 800 555 0199", toll_free: true}\n'


def parsed(text: str):
    return parse(load_text(text, "inv.yml"))


def us_with(method_line: str, *more) -> str:
    return variant((PHONE_LINE, method_line), *more, base=US)


def problems(text: str) -> list[str]:
    with pytest.raises(InputError) as exc:
        parsed(text)
    return [str(p) for p in exc.value.problems]


def methods(inv):
    return [m for m in inv.requests.methods if m.kind.value == "phone"]


def test_a_1800_number_is_toll_free_without_a_flag():
    # the new user: a US shop that deals with people offline, a 1-800 number, no toll_free
    inv = parsed(us_with('    - {kind: phone, number: "+1-800-555-0199"}\n'))
    (m,) = methods(inv)
    assert m.toll_free is True and str(m.number) == "+1 800-555-0199"
    assert check_completeness(inv) == []


def test_a_national_number_is_read_in_the_organisations_country():
    # Ledgerly's address ends in "CA 94105" (California, not a country): the number needs a country
    # code, unless the address names the country
    text = us_with('    - {kind: phone, number: "(800) 555-0199"}\n')
    (msg,) = problems(text)
    assert msg.startswith("inv.yml:100:29: error: '(800) 555-0199' at requests.methods[1].number has no country code")
    assert "fix: write the number with its country code" in msg
    inv = parsed(variant(("San Francisco, CA 94105", "San Francisco, CA 94105, USA"), base=text))
    (m,) = methods(inv)
    assert str(m.number) == "+1 800-555-0199" and m.toll_free is True


def test_a_uk_freephone_number_written_nationally():
    # uk_shop's organisation is in the USA: a UK number written nationally on its own request
    # method is read as a US number, and cannot be one
    text = variant(("  contact_email: help@mapleandpine.example\n",
                    '  contact_email: help@mapleandpine.example\n  phone: "0800 123 4567"\n'), base=UK)
    (msg,) = problems(text)
    assert "'0800 123 4567' at organization.phone (read as a number in United States)" in msg
    # its UK representative's address is in the UK: a national number there is read in GB
    rep = variant(("      address: 1 King Street, Manchester M2 6AZ, UK\n",
                   '      address: 1 King Street, Manchester M2 6AZ, UK\n      phone: "020 7946 0018"\n'), base=UK)
    inv = parsed(rep)
    assert str(inv.organization.representatives[0].phone) == "+44 20 7946 0018"


def test_a_representatives_number_is_not_read_in_the_organisations_country():
    # the UK representative has no address now: a number without + is read in GB, not in the USA
    # (where "1 212 555 0199" would be a New York number)
    text = variant(("      address: 1 King Street, Manchester M2 6AZ, UK\n", '      phone: "1 212 555 0199"\n'), base=UK)
    (msg,) = problems(text)
    assert "'1 212 555 0199' at organization.representatives[0].phone (read as a number in United Kingdom) is too long" in msg


@pytest.mark.parametrize(
    "number,words",
    [
        ("+1-800-555", "is too short for a number in United States (+1)"),
        ("+1 800 555 0199 01", "is too long for a number in United States (+1)"),
        ("+999 123 456 789", "starts with a country code no country uses"),
    ],
)
def test_impossible_numbers_are_errors_with_their_place_and_fix(number, words, capsys, tmp_path):
    path = tmp_path / "inv.yml"
    path.write_text(us_with(f'    - {{kind: phone, number: "{number}"}}\n'), encoding="utf-8")
    from generator.cli import main

    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:100:29: error: '{number}' at requests.methods[1].number" in err and words in err
    assert "fix: " in err and "Traceback" not in err


def test_toll_free_true_on_a_number_that_is_not_toll_free_is_a_finding():
    inv = parsed(us_with('    - {kind: phone, number: "+1 415 555 0142", toll_free: true}\n'))
    found = [(f.rule, f"{f.loc.line}:{f.loc.col}", f.message) for f in check_completeness(inv)]
    assert (
        "ca.request_methods", "100:59",
        "+1 415-555-0142 is a fixed-line or mobile number, not a toll-free number, but the method says 'toll_free: true'",
    ) in found
    # and the number is not called free anywhere: the effective value is false
    assert methods(inv)[0].toll_free is False
    assert any("toll-free phone number" in m for _, _, m in found)  # the requirement is still unmet


def test_an_explicit_toll_free_false_wins():
    inv = parsed(us_with('    - {kind: phone, number: "+1 800 555 0199", toll_free: false}\n'))
    assert methods(inv)[0].toll_free is False
    assert [f.rule for f in check_completeness(inv)] == ["ca.request_methods"]


def test_a_fixed_line_without_a_flag_is_not_toll_free():
    inv = parsed(us_with('    - {kind: phone, number: "+1 415 555 0142"}\n'))
    assert methods(inv)[0].toll_free is False
    (f,) = check_completeness(inv)
    assert f.message == "a business that also deals with people offline must offer a toll-free phone number for requests"


def test_toll_free_only_on_a_phone_method():
    text = variant(("{kind: web, url: https://ledgerly.example.com/privacy/request}",
                    "{kind: web, url: https://ledgerly.example.com/privacy/request, toll_free: true}"), base=US)
    (msg,) = problems(text)
    assert "a request method of kind 'web' takes 'url', not 'toll_free'" in msg


def test_every_number_is_printed_and_exported_in_international_format(tmp_path):
    from generator.notice.render import render

    inv = parsed(us_with('    - {kind: phone, number: "+1.800.555.0199"}\n'))
    notice = render(inv).pages["notice.md"].markdown
    assert "\\+1 800\\-555\\-0199 (toll-free)" in notice and "\\+1 415\\-555\\-0142" in notice
    assert "+1.800" not in notice
    exported = inventory_json(inv)
    assert exported["organization"]["phone"] == "+1 415-555-0142"
    assert exported["requests"]["methods"][1] == {"kind": "phone", "number": "+1 800-555-0199", "toll_free": True}
    assert "toll_free" not in exported["requests"]["methods"][0]  # a web form has no toll_free


def test_the_number_keeps_its_place_in_the_file():
    inv = parsed(us_with('    - {kind: phone, number: "+1.800.555.0199"}\n'))
    assert (inv.organization.phone.loc.line, inv.organization.phone.loc.col) == (11, 10)
    assert methods(inv)[0].number.loc.line == 100


def test_phonenumbers_is_imported_only_for_an_inventory_with_a_phone_number():
    code = (
        "import sys; from generator.inventory.parse import load_inventory; load_inventory(sys.argv[1]); "
        "print('phonenumbers' in sys.modules)"
    )
    run = lambda path: subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, cwd=REPO)
    assert run(REFERENCE).stdout.strip() == "False"
    assert run(US).stdout.strip() == "True"
