"""`who RELATION [ACTOR]`: without ACTOR, every source → target pair with the relation."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from geokg.cli import main
from geokg.queries.catalog import QueryError, _params, get_query
from tests.conftest import SEED

SALE = ("Dilansir Prbandungraya.pikiran-rakyat.com dari SCMP, diketahui perselisihan antara "
        "Tiongkok dan Rusia sudah terjadi sejak Rusia melakukan penjualan senjata ke India, "
        "serta menunda pengiriman rudal ke Beijing.")


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_who_without_actor_lists_every_pair_on_the_seed():
    run("ingest", str(SEED))
    result = run("query", "who", "SELLS_ARMS_TO")
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "source  name    relation       target  relations  last_seen   evidence",
        "------  ------  -------------  ------  ---------  ----------  " + "-" * 90,
        "RUS     Russia  SELLS_ARMS_TO  IND     1          2020-10-15  " + SALE[:89] + "…",
    ]
    # With the actor, the same row: the one target there is.
    assert run("query", "who", "SELLS_ARMS_TO", "India").output == result.output


def test_who_category_without_actor_is_ordered_by_count_source_target():
    run("ingest", str(SEED))
    result = run("query", "who", "ACCUSE", "--format", "csv")
    assert result.output.splitlines() == [
        "source,name,relation,target,relations,last_seen,evidence",
        "CHN,China,ACCUSE,USA,2,2020-10-15,\"PR BANDUNGRAYA - Tiongkok dikabarkan akan "
        "bekerjasama dengan Rusia, sebagai upaya mempertahankan multilateralisme dan melawan "
        "upaya Amerika Serikat (AS) untuk mendominasi global.\"",
        f"CHN,China,ACCUSE,RUS,1,2020-10-15,\"{SALE}\"",
        "RUS,Russia,ACCUSE,USA,1,2020-10-15,Tiongkok dan Rusia Akan Tingkatkan Kerjasama untuk "
        "Melawan Politik Kekuasaan AS",
    ]
    # Given ACTOR, only the rows toward it, in the same order.
    toward_usa = run("query", "who", "ACCUSE", "USA", "--format", "csv").output.splitlines()
    assert toward_usa == [line for line in result.output.splitlines()
                          if line.startswith("source") or ",USA," in line]


def test_who_appeal_takes_the_cameo_02_types():
    run("ingest", str(SEED))
    courting = run("query", "who", "COURTS", "--format", "csv").output.splitlines()
    assert courting[1].startswith("USA,United States,COURTS,RUS,1,2020-10-15,")
    # the seed's one CAMEO 02 relation: the US courts Russia
    appeal = run("query", "who", "APPEAL", "--format", "csv").output.splitlines()
    assert appeal == [courting[0], courting[1].replace(",COURTS,", ",APPEAL,")]
    assert run("query", "who", "appeal", "Russia", "--format", "csv").output.splitlines() == appeal


@pytest.mark.parametrize("args", [["who"], ["who", "ACCUSE", "USA", "CHN"]])
def test_who_takes_one_or_two_values(args: list[str]):
    result = CliRunner().invoke(main, ["query", *args])
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: query who takes RELATION [ACTOR]"


def test_list_shows_the_optional_actor():
    rows = run("query", "--list", "--format", "csv").output.splitlines()
    assert any(row.startswith("who,RELATION [ACTOR],") for row in rows)


def test_an_absent_optional_parameter_is_unbound_in_sparql_and_null_in_cypher():
    who = get_query("who")
    params = who.bind(["assault"])
    assert params == {"relation": "ASSAULT", "actor": None}
    assert set(who.sparql_params(params)) == {"relation"}
    assert who.cypher_params(params) == {"relation": "ASSAULT", "actor": None}
    # Parameter dicts without the key (as tests and callers may pass) mean the same.
    assert who.cypher_params({"relation": "ASSAULT"}) == {"relation": "ASSAULT", "actor": None}
    assert who.bind(["assault", "Ukraine"]) == {"relation": "ASSAULT", "actor": "UKR"}
    with pytest.raises(QueryError):
        who.bind([])


def test_an_optional_parameter_before_a_required_one_is_refused():
    with pytest.raises(ValueError, match="optional parameters must come last"):
        _params("bad", [{"name": "a", "kind": "actor", "optional": True},
                        {"name": "b", "kind": "actor"}])
