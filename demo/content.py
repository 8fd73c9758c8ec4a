# ruff: noqa: RUF001
"""The raw material of `manage.py seed_demo`: metro areas, communities, name pools and
text templates in every interface language, and the real national crisis lines.

Everything here except CRISIS_LINES is fictional. Names are drawn at random from
common given and family names, phone numbers use the 555-01xx range reserved for
fiction, licence numbers start with DEMO, and every email and website is on
example.org. The tables below are laid out by hand (`fmt: off`) to stay readable.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field

# Metro areas ---------------------------------------------------------------


@dataclass(frozen=True)
class Zip:
    """A real ZIP code in a metro area, the neighbourhood it covers, a street or two
    there (none for rural places), and the communities most likely to be found there."""

    code: str
    place: str
    streets: tuple[str, ...]
    communities: tuple[str, ...]


@dataclass(frozen=True)
class Metro:
    key: str
    name: str
    state: str
    # States a telehealth provider here is most often also licensed in.
    neighbours: tuple[str, ...]
    area_codes: tuple[str, ...]
    size: int
    transit: str
    zips: tuple[Zip, ...]
    # Community key -> weight: who the listings here are by and for.
    communities: dict[str, int]
    # Languages clinics here most often bring an interpreter for.
    interpreted: tuple[str, ...]
    # Languages anyone here may also speak, with a probability.
    extra_languages: tuple[tuple[str, float], ...] = (("ase", 0.02),)


# fmt: off
METROS: tuple[Metro, ...] = (
    Metro(
        key="new-york", name="New York", state="NY", neighbours=("NJ", "CT"),
        area_codes=("212", "718", "347", "646", "917"), size=80,
        transit="A short walk from the subway.",
        zips=(
            Zip("10002", "Lower East Side", ("Grand St", "East Broadway"),
                ("cantonese", "mandarin", "latine")),
            Zip("10013", "Chinatown", ("Canal St", "Mott St"), ("cantonese",)),
            Zip("10026", "Harlem", ("Frederick Douglass Blvd", "W 116th St"),
                ("black", "west_african")),
            Zip("10027", "Harlem", ("W 125th St", "Adam Clayton Powell Jr Blvd"), ("black",)),
            Zip("10032", "Washington Heights", ("St Nicholas Ave", "Broadway"), ("latine",)),
            Zip("10034", "Inwood", ("Dyckman St", "Broadway"), ("latine",)),
            Zip("10451", "South Bronx", ("E 149th St", "Grand Concourse"), ("latine", "black")),
            Zip("10453", "Morris Heights", ("University Ave", "W Burnside Ave"),
                ("latine", "west_african")),
            Zip("10456", "Morrisania", ("E 167th St", "Boston Rd"),
                ("black", "latine", "west_african")),
            Zip("10467", "Norwood", ("E Gun Hill Rd", "White Plains Rd"),
                ("caribbean", "south_asian")),
            Zip("11226", "Flatbush", ("Flatbush Ave", "Church Ave"), ("haitian", "caribbean")),
            Zip("11203", "East Flatbush", ("Utica Ave", "Linden Blvd"),
                ("haitian", "caribbean", "black")),
            Zip("11210", "Flatbush", ("Nostrand Ave", "Flatbush Ave"), ("haitian",)),
            Zip("11216", "Bedford-Stuyvesant", ("Fulton St", "Nostrand Ave"), ("black",)),
            Zip("11233", "Bedford-Stuyvesant", ("Fulton St", "Ralph Ave"), ("black",)),
            Zip("11220", "Sunset Park", ("8th Ave", "5th Ave"),
                ("mandarin", "cantonese", "latine")),
            Zip("11209", "Bay Ridge", ("5th Ave", "3rd Ave"), ("arab",)),
            Zip("11218", "Kensington", ("Church Ave", "Coney Island Ave"), ("south_asian",)),
            Zip("11354", "Flushing", ("Main St", "Roosevelt Ave"), ("mandarin", "korean")),
            Zip("11355", "Flushing", ("Kissena Blvd", "Main St"), ("mandarin", "korean")),
            Zip("11372", "Jackson Heights", ("37th Ave", "74th St"), ("south_asian", "latine")),
            Zip("11373", "Elmhurst", ("Broadway", "Whitney Ave"), ("latine", "mandarin")),
            Zip("11377", "Woodside", ("Roosevelt Ave", "Woodside Ave"), ("filipino", "latine")),
            Zip("11368", "Corona", ("Roosevelt Ave", "Junction Blvd"), ("latine",)),
            Zip("11432", "Jamaica", ("Hillside Ave", "Jamaica Ave"),
                ("south_asian", "black", "caribbean")),
        ),
        communities={
            "latine": 24, "black": 16, "haitian": 8, "caribbean": 7, "cantonese": 6,
            "mandarin": 7, "korean": 4, "south_asian": 7, "west_african": 5, "filipino": 2,
            "arab": 3, "general": 8,
        },
        interpreted=("es", "yue", "cmn", "ht", "bn", "ar", "ru", "fr"),
        extra_languages=(("ase", 0.03), ("es", 0.06), ("ru", 0.02), ("fr", 0.03)),
    ),
    Metro(
        key="los-angeles", name="Los Angeles", state="CA", neighbours=("NV", "AZ"),
        area_codes=("213", "323", "310", "626", "818"), size=65,
        transit="Near Metro bus and rail lines.",
        zips=(
            Zip("90033", "Boyle Heights", ("E Cesar E Chavez Ave", "E 1st St"), ("latine",)),
            Zip("90022", "East Los Angeles", ("Whittier Blvd", "E Olympic Blvd"), ("latine",)),
            Zip("90011", "South Los Angeles", ("S Central Ave", "E Vernon Ave"),
                ("latine", "black")),
            Zip("90001", "Florence-Firestone", ("Firestone Blvd", "S Central Ave"),
                ("latine", "black")),
            Zip("90043", "Leimert Park", ("Crenshaw Blvd", "Degnan Blvd"), ("black",)),
            Zip("90008", "Baldwin Hills", ("Crenshaw Blvd", "Martin Luther King Jr Blvd"),
                ("black",)),
            Zip("90302", "Inglewood", ("Market St", "Manchester Blvd"), ("black",)),
            Zip("90006", "Koreatown", ("W Olympic Blvd", "S Vermont Ave"), ("korean", "latine")),
            Zip("90010", "Koreatown", ("Wilshire Blvd", "S Western Ave"), ("korean",)),
            Zip("90012", "Chinatown", ("N Broadway", "N Hill St"), ("cantonese", "mandarin")),
            Zip("90026", "Historic Filipinotown", ("Temple St", "Beverly Blvd"),
                ("filipino", "latine")),
            Zip("91754", "Monterey Park", ("E Garvey Ave", "N Atlantic Blvd"),
                ("mandarin", "cantonese")),
            Zip("91801", "Alhambra", ("W Main St", "S Garfield Ave"),
                ("mandarin", "cantonese", "vietnamese")),
            Zip("91776", "San Gabriel", ("S San Gabriel Blvd", "W Valley Blvd"), ("mandarin",)),
            Zip("91331", "Pacoima", ("Van Nuys Blvd", "Laurel Canyon Blvd"), ("latine",)),
            Zip("90813", "Cambodia Town", ("E Anaheim St", "Atlantic Ave"), ("khmer", "latine")),
        ),
        communities={
            "latine": 35, "black": 15, "korean": 8, "filipino": 6, "mandarin": 6,
            "cantonese": 4, "khmer": 4, "vietnamese": 2, "south_asian": 2, "arab": 2,
            "pacific": 2, "general": 8,
        },
        interpreted=("es", "ko", "cmn", "yue", "tl", "km", "hy", "fa"),
        extra_languages=(("ase", 0.02), ("es", 0.15), ("pt", 0.01)),
    ),
    Metro(
        key="orange-county", name="Orange County", state="CA", neighbours=("NV", "AZ"),
        area_codes=("714", "657", "949"), size=35,
        transit="Near OCTA bus stops.",
        zips=(
            Zip("92683", "Little Saigon", ("Bolsa Ave", "Brookhurst St"), ("vietnamese",)),
            Zip("92708", "Fountain Valley", ("Brookhurst St", "Warner Ave"), ("vietnamese",)),
            Zip("92840", "Garden Grove", ("Garden Grove Blvd", "Brookhurst St"),
                ("vietnamese", "korean")),
            Zip("92843", "Garden Grove", ("Westminster Ave", "Euclid St"), ("vietnamese",)),
            Zip("92703", "Santa Ana", ("W 1st St", "N Harbor Blvd"), ("latine",)),
            Zip("92701", "Santa Ana", ("E 4th St", "N Main St"), ("latine",)),
            Zip("92804", "Anaheim", ("W Lincoln Ave", "S Brookhurst St"), ("arab", "latine")),
            Zip("92802", "Little Arabia", ("S Brookhurst St", "W Katella Ave"),
                ("arab", "latine")),
            Zip("92618", "Irvine", ("Jeffrey Rd", "Culver Dr"),
                ("korean", "mandarin", "south_asian")),
        ),
        communities={
            "vietnamese": 35, "latine": 30, "korean": 10, "arab": 8, "mandarin": 5,
            "south_asian": 4, "general": 8,
        },
        interpreted=("vi", "es", "ko", "ar", "fa"),
        extra_languages=(("ase", 0.02), ("es", 0.1)),
    ),
    Metro(
        key="chicago", name="Chicago", state="IL", neighbours=("IN", "WI"),
        area_codes=("312", "773", "872"), size=50,
        transit="Close to CTA bus and 'L' stops.",
        zips=(
            Zip("60608", "Pilsen", ("W 18th St", "S Blue Island Ave"), ("latine",)),
            Zip("60623", "Little Village", ("W 26th St", "S Pulaski Rd"), ("latine",)),
            Zip("60616", "Chinatown", ("S Wentworth Ave", "W Cermak Rd"),
                ("cantonese", "mandarin")),
            Zip("60625", "Albany Park", ("W Lawrence Ave", "N Kedzie Ave"),
                ("korean", "latine", "arab", "filipino")),
            Zip("60640", "Uptown", ("W Argyle St", "N Broadway"), ("vietnamese", "ethiopian")),
            Zip("60615", "Hyde Park", ("E 53rd St", "S Lake Park Ave"), ("black",)),
            Zip("60619", "Chatham", ("E 79th St", "S Cottage Grove Ave"), ("black",)),
            Zip("60621", "Englewood", ("W 63rd St", "S Halsted St"), ("black",)),
            Zip("60653", "Bronzeville", ("E 47th St", "S Martin Luther King Dr"), ("black",)),
            Zip("60647", "Logan Square", ("N Milwaukee Ave", "W Fullerton Ave"), ("latine",)),
            Zip("60659", "West Ridge", ("W Devon Ave", "N California Ave"), ("south_asian",)),
            Zip("60629", "Chicago Lawn", ("W 63rd St", "S Kedzie Ave"),
                ("arab", "latine", "black")),
        ),
        communities={
            "black": 30, "latine": 28, "south_asian": 7, "korean": 5, "arab": 6,
            "cantonese": 4, "mandarin": 3, "vietnamese": 3, "ethiopian": 3, "filipino": 3,
            "general": 8,
        },
        interpreted=("es", "ar", "ur", "yue", "ko", "vi"),
        extra_languages=(("ase", 0.02), ("es", 0.06)),
    ),
    Metro(
        key="houston", name="Houston", state="TX", neighbours=("LA",),
        area_codes=("713", "832", "281"), size=55,
        transit="On a METRO bus line; free parking.",
        zips=(
            Zip("77036", "Sharpstown", ("Bellaire Blvd", "S Gessner Rd"),
                ("mandarin", "vietnamese", "latine")),
            Zip("77072", "Alief", ("Bellaire Blvd", "Boone Rd"), ("vietnamese", "west_african")),
            Zip("77099", "Alief", ("Bissonnet St", "Wilcrest Dr"),
                ("vietnamese", "west_african", "latine")),
            Zip("77081", "Gulfton", ("Hillcroft Ave", "Bissonnet St"), ("latine", "arab")),
            Zip("77004", "Third Ward", ("Emancipation Ave", "Scott St"), ("black",)),
            Zip("77021", "South Union", ("Martin Luther King Blvd", "Griggs Rd"), ("black",)),
            Zip("77033", "Sunnyside", ("Bellfort Ave", "Cullen Blvd"), ("black",)),
            Zip("77011", "Magnolia Park", ("Navigation Blvd", "Harrisburg Blvd"), ("latine",)),
            Zip("77023", "Second Ward", ("Telephone Rd", "Harrisburg Blvd"), ("latine",)),
            Zip("77087", "Park Place", ("Broadway St", "Telephone Rd"), ("latine",)),
            Zip("77057", "Uptown", ("Westheimer Rd", "S Voss Rd"),
                ("arab", "south_asian", "general")),
            Zip("77489", "Missouri City", ("Texas Pkwy", "Cartwright Rd"),
                ("black", "west_african", "south_asian")),
            Zip("77083", "Mission Bend", ("S Dairy Ashford Rd", "W Bellfort Ave"),
                ("south_asian", "vietnamese")),
        ),
        communities={
            "latine": 38, "black": 25, "vietnamese": 12, "mandarin": 5, "west_african": 5,
            "south_asian": 6, "arab": 4, "general": 5,
        },
        interpreted=("es", "vi", "ar", "ur", "cmn"),
        extra_languages=(("ase", 0.02), ("es", 0.18)),
    ),
    Metro(
        key="bay-area", name="San Francisco Bay Area", state="CA", neighbours=("OR", "NV"),
        area_codes=("415", "510", "408", "650"), size=65,
        transit="Near BART and Muni or AC Transit.",
        zips=(
            Zip("94110", "Mission District", ("Mission St", "24th St"), ("latine",)),
            Zip("94133", "Chinatown", ("Stockton St", "Grant Ave"), ("cantonese",)),
            Zip("94108", "Chinatown", ("Grant Ave", "Sacramento St"), ("cantonese",)),
            Zip("94112", "Excelsior", ("Mission St", "Geneva Ave"),
                ("latine", "filipino", "cantonese")),
            Zip("94122", "Sunset District", ("Irving St", "Noriega St"),
                ("cantonese", "mandarin")),
            Zip("94124", "Bayview", ("3rd St", "Palou Ave"), ("black", "pacific")),
            Zip("94601", "Fruitvale", ("International Blvd", "Fruitvale Ave"),
                ("latine", "vietnamese")),
            Zip("94606", "San Antonio", ("International Blvd", "E 12th St"),
                ("vietnamese", "cantonese", "khmer")),
            Zip("94607", "West Oakland", ("7th St", "Market St"), ("black", "cantonese")),
            Zip("94612", "Downtown Oakland", ("Broadway", "Telegraph Ave"),
                ("black", "general")),
            Zip("94621", "East Oakland", ("International Blvd", "73rd Ave"),
                ("black", "latine")),
            Zip("95122", "East San Jose", ("Story Rd", "Tully Rd"), ("vietnamese", "latine")),
            Zip("95111", "South San Jose", ("Senter Rd", "Tully Rd"), ("vietnamese",)),
            Zip("95116", "Alum Rock", ("Alum Rock Ave", "King Rd"), ("latine", "vietnamese")),
            Zip("94014", "Daly City", ("Mission St", "Southgate Ave"), ("filipino",)),
            Zip("94015", "Westlake", ("Skyline Blvd", "Westlake Ave"), ("filipino",)),
            Zip("94538", "Fremont", ("Fremont Blvd", "Mowry Ave"), ("south_asian", "mandarin")),
        ),
        communities={
            "latine": 22, "cantonese": 12, "mandarin": 9, "vietnamese": 12, "filipino": 10,
            "black": 12, "south_asian": 5, "pacific": 3, "khmer": 2, "korean": 3,
            "general": 10,
        },
        interpreted=("es", "yue", "cmn", "vi", "tl", "ru"),
        extra_languages=(("ase", 0.02), ("es", 0.08)),
    ),
    Metro(
        key="seattle", name="Seattle", state="WA", neighbours=("OR", "ID"),
        area_codes=("206", "253", "425"), size=40,
        transit="Near Link light rail and King County Metro buses.",
        zips=(
            Zip("98118", "Rainier Valley", ("Rainier Ave S", "S Othello St"),
                ("somali", "ethiopian", "vietnamese")),
            Zip("98144", "Beacon Hill", ("Beacon Ave S", "S Jackson St"),
                ("filipino", "black", "cantonese", "native")),
            Zip("98104", "Chinatown-International District", ("S King St", "S Jackson St"),
                ("cantonese", "vietnamese")),
            Zip("98122", "Central District", ("E Union St", "23rd Ave"), ("black", "ethiopian")),
            Zip("98108", "South Beacon Hill", ("14th Ave S", "Beacon Ave S"),
                ("latine", "vietnamese")),
            Zip("98106", "Delridge", ("Delridge Way SW", "16th Ave SW"),
                ("khmer", "latine", "vietnamese")),
            Zip("98168", "Tukwila", ("International Blvd", "S 144th St"),
                ("somali", "pacific", "latine")),
            Zip("98188", "SeaTac", ("International Blvd", "S 188th St"),
                ("somali", "ethiopian", "latine")),
            Zip("98178", "Skyway", ("Renton Ave S", "S 129th St"), ("black", "filipino")),
        ),
        communities={
            "black": 10, "somali": 7, "ethiopian": 6, "vietnamese": 8, "filipino": 6,
            "cantonese": 3, "mandarin": 3, "korean": 3, "khmer": 3, "latine": 8,
            "native": 4, "pacific": 3, "general": 6,
        },
        interpreted=("so", "am", "ti", "vi", "es", "km", "yue"),
    ),
    Metro(
        key="atlanta", name="Atlanta", state="GA", neighbours=("AL", "SC", "TN"),
        area_codes=("404", "470", "678", "770"), size=45,
        transit="Near MARTA.",
        zips=(
            Zip("30310", "West End", ("Ralph David Abernathy Blvd", "Lee St"), ("black",)),
            Zip("30311", "Cascade Heights", ("Cascade Rd", "Campbellton Rd"), ("black",)),
            Zip("30314", "Vine City", ("Joseph E Lowery Blvd", "Martin Luther King Jr Dr"),
                ("black",)),
            Zip("30315", "South Atlanta", ("Jonesboro Rd", "Pryor Rd"), ("black",)),
            Zip("30318", "Westside", ("Marietta St", "Donald Lee Hollowell Pkwy"),
                ("black", "general")),
            Zip("30340", "Doraville", ("Buford Hwy", "Chamblee Tucker Rd"),
                ("latine", "korean", "vietnamese")),
            Zip("30341", "Chamblee", ("Buford Hwy", "Peachtree Industrial Blvd"),
                ("latine", "mandarin", "vietnamese")),
            Zip("30021", "Clarkston", ("Montreal Rd", "E Ponce de Leon Ave"),
                ("somali", "ethiopian", "south_asian", "arab")),
            Zip("30096", "Duluth", ("Pleasant Hill Rd", "Satellite Blvd"), ("korean",)),
            Zip("30097", "Johns Creek", ("Peachtree Industrial Blvd", "Abbotts Bridge Rd"),
                ("korean", "south_asian")),
            Zip("30083", "Stone Mountain", ("Memorial Dr", "Rockbridge Rd"),
                ("black", "west_african", "caribbean")),
            Zip("30349", "College Park", ("Old National Hwy", "Flat Shoals Rd"),
                ("black", "west_african")),
        ),
        communities={
            "black": 45, "latine": 12, "korean": 8, "vietnamese": 4, "west_african": 6,
            "somali": 3, "ethiopian": 4, "caribbean": 4, "south_asian": 4, "mandarin": 2,
            "general": 8,
        },
        interpreted=("es", "ko", "vi", "so", "am", "ne", "my", "ar"),
    ),
    Metro(
        key="miami", name="Miami", state="FL", neighbours=("GA",),
        area_codes=("305", "786"), size=45,
        transit="Near Metrobus routes.",
        zips=(
            Zip("33125", "Little Havana", ("SW 8th St", "W Flagler St"), ("latine",)),
            Zip("33135", "Little Havana", ("SW 8th St", "SW 12th Ave"), ("latine",)),
            Zip("33137", "Little Haiti", ("NE 2nd Ave", "NE 54th St"), ("haitian",)),
            Zip("33138", "Lemon City", ("NE 2nd Ave", "NE 79th St"), ("haitian",)),
            Zip("33150", "Little River", ("NW 79th St", "NW 7th Ave"), ("haitian", "black")),
            Zip("33161", "North Miami", ("NE 125th St", "W Dixie Hwy"), ("haitian",)),
            Zip("33162", "North Miami Beach", ("NE 163rd St", "NE 6th Ave"),
                ("haitian", "caribbean")),
            Zip("33147", "Liberty City", ("NW 22nd Ave", "NW 62nd St"), ("black",)),
            Zip("33142", "Allapattah", ("NW 36th St", "NW 17th Ave"), ("latine", "black")),
            Zip("33010", "Hialeah", ("W 49th St", "Palm Ave"), ("latine",)),
            Zip("33012", "Hialeah", ("W 49th St", "W 16th Ave"), ("latine",)),
            Zip("33165", "Westchester", ("SW 40th St", "SW 87th Ave"), ("latine",)),
            Zip("33030", "Homestead", ("Krome Ave", "S Dixie Hwy"), ("latine",)),
        ),
        communities={
            "latine": 45, "haitian": 22, "black": 15, "caribbean": 8, "general": 6,
        },
        interpreted=("es", "ht", "pt", "fr"),
        # Miami works in Spanish: many non-Latine clinicians speak it too.
        extra_languages=(("ase", 0.02), ("es", 0.3), ("pt", 0.04), ("fr", 0.03)),
    ),
    Metro(
        key="washington-dc", name="Washington, DC", state="DC", neighbours=("MD", "VA"),
        area_codes=("202", "301", "240", "703", "571"), size=45,
        transit="A few blocks from a Metro station.",
        zips=(
            Zip("20001", "Shaw", ("7th St NW", "U St NW"), ("black", "ethiopian")),
            Zip("20009", "Adams Morgan", ("18th St NW", "Columbia Rd NW"),
                ("latine", "ethiopian")),
            Zip("20010", "Columbia Heights", ("14th St NW", "Park Rd NW"), ("latine",)),
            Zip("20011", "Petworth", ("Georgia Ave NW", "Kennedy St NW"), ("black", "latine")),
            Zip("20019", "Deanwood", ("Minnesota Ave NE", "Benning Rd NE"), ("black",)),
            Zip("20020", "Anacostia", ("Martin Luther King Jr Ave SE", "Good Hope Rd SE"),
                ("black",)),
            Zip("20032", "Congress Heights", ("Alabama Ave SE", "Martin Luther King Jr Ave SE"),
                ("black",)),
            Zip("20002", "Near Northeast", ("Florida Ave NE", "H St NE"), ("black", "general")),
            Zip("20783", "Langley Park", ("University Blvd E", "New Hampshire Ave"),
                ("latine", "west_african")),
            Zip("20910", "Silver Spring", ("Georgia Ave", "Fenton St"),
                ("ethiopian", "west_african")),
            Zip("20912", "Takoma Park", ("Carroll Ave", "New Hampshire Ave"),
                ("ethiopian", "latine")),
            Zip("22044", "Falls Church", ("Wilson Blvd", "Arlington Blvd"),
                ("vietnamese", "korean")),
            Zip("22204", "Arlington", ("Columbia Pike", "S Glebe Rd"), ("latine", "ethiopian")),
            Zip("22003", "Annandale", ("Little River Tpke", "Columbia Pike"), ("korean",)),
        ),
        communities={
            "black": 40, "latine": 15, "ethiopian": 10, "west_african": 6, "vietnamese": 4,
            "korean": 5, "arab": 3, "south_asian": 4, "general": 8,
        },
        interpreted=("es", "am", "ti", "fr", "vi", "ko"),
        # Gallaudet University is here: more signing clinicians than anywhere else.
        extra_languages=(("ase", 0.12), ("es", 0.06), ("fr", 0.04)),
    ),
    Metro(
        key="philadelphia", name="Philadelphia", state="PA", neighbours=("NJ", "DE"),
        area_codes=("215", "267", "445"), size=40,
        transit="Near SEPTA bus and subway stops.",
        zips=(
            Zip("19133", "Fairhill", ("N 5th St", "W Lehigh Ave"), ("latine",)),
            Zip("19140", "Hunting Park", ("W Erie Ave", "N Broad St"), ("latine", "black")),
            Zip("19134", "Kensington", ("Kensington Ave", "E Allegheny Ave"), ("latine",)),
            Zip("19120", "Olney", ("W Olney Ave", "N 5th St"),
                ("latine", "west_african", "vietnamese", "south_asian")),
            Zip("19143", "Kingsessing", ("Woodland Ave", "S 58th St"),
                ("west_african", "black")),
            Zip("19142", "Elmwood", ("Woodland Ave", "S 70th St"), ("west_african", "black")),
            Zip("19148", "South Philadelphia", ("Washington Ave", "S 7th St"),
                ("khmer", "vietnamese", "latine")),
            Zip("19107", "Chinatown", ("N 10th St", "Race St"), ("cantonese", "mandarin")),
            Zip("19121", "North Philadelphia", ("Cecil B Moore Ave", "N Broad St"), ("black",)),
            Zip("19131", "Wynnefield", ("Lancaster Ave", "N 52nd St"), ("black", "arab")),
            Zip("19139", "West Philadelphia", ("S 52nd St", "Baltimore Ave"),
                ("black", "west_african", "arab")),
            Zip("19144", "Germantown", ("Germantown Ave", "W Chelten Ave"), ("black",)),
        ),
        communities={
            "black": 40, "latine": 20, "west_african": 8, "khmer": 5, "vietnamese": 5,
            "cantonese": 4, "mandarin": 3, "arab": 3, "south_asian": 3, "general": 9,
        },
        interpreted=("es", "km", "vi", "yue", "fr", "ar"),
    ),
    Metro(
        key="twin-cities", name="Minneapolis-Saint Paul", state="MN",
        neighbours=("WI", "IA", "ND", "SD"), area_codes=("612", "651", "763"), size=45,
        transit="Near Metro Transit light rail or bus lines.",
        zips=(
            Zip("55404", "Phillips", ("E Franklin Ave", "Chicago Ave"),
                ("native", "somali", "latine")),
            Zip("55454", "Cedar-Riverside", ("Cedar Ave S", "Riverside Ave"),
                ("somali", "ethiopian")),
            Zip("55407", "Powderhorn", ("E Lake St", "Bloomington Ave"),
                ("latine", "somali", "native")),
            Zip("55408", "Whittier", ("Nicollet Ave", "W Lake St"), ("latine", "somali")),
            Zip("55411", "North Minneapolis", ("W Broadway Ave", "Penn Ave N"),
                ("black", "hmong")),
            Zip("55412", "North Minneapolis", ("Lowry Ave N", "Penn Ave N"), ("black", "hmong")),
            Zip("55117", "North End", ("Rice St", "Maryland Ave W"), ("hmong", "khmer")),
            Zip("55106", "East Side", ("Payne Ave", "Arcade St"), ("hmong", "latine")),
            Zip("55104", "Frogtown", ("University Ave W", "Dale St N"),
                ("hmong", "vietnamese", "ethiopian", "black")),
            Zip("55130", "Payne-Phalen", ("E Maryland Ave", "Arcade St"), ("hmong",)),
            Zip("55430", "Brooklyn Center", ("Brooklyn Blvd", "Xerxes Ave N"),
                ("west_african", "black", "hmong")),
            Zip("55443", "Brooklyn Park", ("Brooklyn Blvd", "Zane Ave N"), ("west_african",)),
        ),
        communities={
            "hmong": 15, "somali": 14, "black": 10, "native": 6, "latine": 8, "ethiopian": 6,
            "west_african": 4, "khmer": 2, "vietnamese": 3, "general": 6,
        },
        interpreted=("so", "hmn", "om", "es", "kar", "am"),
        extra_languages=(("ase", 0.03), ("oj", 0.01), ("dak", 0.01)),
    ),
    Metro(
        key="phoenix", name="Phoenix and northern Arizona", state="AZ",
        neighbours=("NM", "UT", "NV"), area_codes=("602", "480", "623", "928"), size=35,
        transit="On a Valley Metro route; parking on site.",
        zips=(
            Zip("85009", "West Phoenix", ("W McDowell Rd", "N 35th Ave"), ("latine",)),
            Zip("85031", "Maryvale", ("W Indian School Rd", "N 51st Ave"), ("latine",)),
            Zip("85035", "Maryvale", ("W McDowell Rd", "N 59th Ave"), ("latine",)),
            Zip("85040", "South Phoenix", ("E Baseline Rd", "S 16th St"), ("latine", "black")),
            Zip("85041", "South Phoenix", ("S Central Ave", "W Southern Ave"),
                ("latine", "black")),
            Zip("85016", "Camelback East", ("N 16th St", "E Indian School Rd"),
                ("native", "dine")),
            Zip("85017", "West Phoenix", ("W Camelback Rd", "N 27th Ave"),
                ("latine", "arab", "somali")),
            Zip("85281", "Tempe", ("E Apache Blvd", "S Mill Ave"),
                ("native", "dine", "latine", "general")),
            Zip("86001", "Flagstaff", ("E Route 66", "S Milton Rd"), ("dine", "native")),
            # On the Navajo Nation: no street addresses.
            Zip("86515", "Window Rock", (), ("dine",)),
            Zip("86503", "Chinle", (), ("dine",)),
            Zip("86045", "Tuba City", (), ("dine",)),
            Zip("86033", "Kayenta", (), ("dine",)),
        ),
        communities={
            "latine": 38, "dine": 25, "native": 8, "black": 10, "arab": 3, "somali": 2,
            "south_asian": 2, "general": 8,
        },
        interpreted=("es", "nv", "ar", "so"),
        extra_languages=(("ase", 0.02), ("es", 0.12)),
    ),
    Metro(
        key="albuquerque", name="Albuquerque and the Four Corners", state="NM",
        neighbours=("AZ", "CO"), area_codes=("505",), size=35,
        transit="On an ABQ RIDE bus route.",
        zips=(
            Zip("87102", "Barelas", ("4th St SW", "Central Ave SW"), ("latine", "native")),
            Zip("87105", "South Valley", ("Isleta Blvd SW", "Bridge Blvd SW"), ("latine",)),
            Zip("87108", "International District", ("Central Ave SE", "San Mateo Blvd SE"),
                ("vietnamese", "native", "latine", "black")),
            Zip("87121", "West Mesa", ("Central Ave SW", "Coors Blvd SW"), ("latine",)),
            Zip("87110", "Mid-Heights", ("Menaul Blvd NE", "San Mateo Blvd NE"),
                ("general", "dine")),
            Zip("87106", "Nob Hill", ("Central Ave SE", "Girard Blvd SE"),
                ("general", "native", "dine")),
            Zip("87301", "Gallup", ("W Historic Hwy 66", "S 2nd St"), ("dine", "native")),
            Zip("87401", "Farmington", ("E Main St", "N Butler Ave"), ("dine", "latine")),
            Zip("87420", "Shiprock", (), ("dine",)),
            Zip("87313", "Crownpoint", (), ("dine",)),
        ),
        communities={
            "latine": 38, "dine": 28, "native": 12, "black": 4, "vietnamese": 3, "general": 8,
        },
        interpreted=("es", "nv", "vi"),
        extra_languages=(("ase", 0.02), ("es", 0.15)),
    ),
    Metro(
        key="detroit", name="Detroit", state="MI", neighbours=("OH", "IN"),
        area_codes=("313", "248", "734"), size=40,
        transit="On a DDOT or SMART bus line; parking behind the building.",
        zips=(
            Zip("48126", "Dearborn", ("W Warren Ave", "Michigan Ave"), ("arab",)),
            Zip("48128", "West Dearborn", ("Michigan Ave", "Outer Dr"), ("arab",)),
            Zip("48120", "Dearborn Southend", ("Dix Ave", "W Vernor Hwy"), ("arab",)),
            Zip("48212", "Hamtramck", ("Joseph Campau Ave", "Conant St"),
                ("arab", "south_asian")),
            Zip("48209", "Southwest Detroit", ("W Vernor Hwy", "Springwells St"), ("latine",)),
            Zip("48210", "Southwest Detroit", ("W Vernor Hwy", "Livernois Ave"),
                ("latine", "arab")),
            Zip("48201", "Midtown", ("Woodward Ave", "Cass Ave"), ("black", "general")),
            Zip("48202", "New Center", ("W Grand Blvd", "Woodward Ave"), ("black",)),
            Zip("48204", "Russell Woods", ("Dexter Ave", "W Davison"), ("black",)),
            Zip("48221", "University District", ("Livernois Ave", "W McNichols Rd"),
                ("black",)),
            Zip("48235", "Northwest Detroit", ("W 7 Mile Rd", "Greenfield Rd"), ("black",)),
            Zip("48205", "East Side", ("Gratiot Ave", "E 7 Mile Rd"), ("black",)),
        ),
        communities={
            "black": 45, "arab": 25, "latine": 12, "south_asian": 6, "west_african": 2,
            "general": 8,
        },
        interpreted=("ar", "bn", "es"),
    ),
    Metro(
        key="honolulu", name="Honolulu", state="HI", neighbours=(),
        area_codes=("808",), size=30,
        transit="On TheBus routes.",
        zips=(
            Zip("96817", "Kalihi", ("N King St", "Dillingham Blvd"), ("filipino", "pacific")),
            Zip("96819", "Kalihi Valley", ("N School St", "Likelike Hwy"),
                ("filipino", "pacific")),
            Zip("96813", "Chinatown", ("N Hotel St", "Maunakea St"),
                ("cantonese", "vietnamese", "filipino")),
            Zip("96814", "Ala Moana", ("Kapiolani Blvd", "Keeaumoku St"),
                ("korean", "japanese")),
            Zip("96822", "Mānoa", ("E Manoa Rd", "University Ave"),
                ("japanese", "general", "pacific")),
            Zip("96792", "Waiʻanae", ("Farrington Hwy",), ("pacific",)),
            Zip("96706", "ʻEwa Beach", ("Fort Weaver Rd",), ("filipino", "pacific")),
            Zip("96797", "Waipahu", ("Farrington Hwy", "Waipahu St"), ("filipino",)),
            Zip("96744", "Kāneʻohe", ("Kamehameha Hwy", "Kahekili Hwy"),
                ("pacific", "japanese")),
            Zip("96701", "ʻAiea", ("Moanalua Rd", "Aiea Heights Dr"),
                ("japanese", "filipino", "general")),
        ),
        communities={
            "pacific": 30, "filipino": 25, "japanese": 12, "korean": 5, "cantonese": 4,
            "vietnamese": 2, "black": 2, "general": 8,
        },
        interpreted=("ilo", "tl", "chk", "mh", "sm", "to", "ko"),
    ),
)
# fmt: on


# Communities ---------------------------------------------------------------


@dataclass(frozen=True)
class CommunityGroup:
    """A kind of community support a community runs: `{place}` is the neighbourhood."""

    name: str
    community_type: str
    ages: str = "adults"  # adults, youth, elders or all
    identities: tuple[str, ...] = ()  # beyond the community's own
    # Who it is for, when narrower than the community's `served` (per text language).
    served: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Community:
    """Who a listing is by and for: names, languages, identities, how texts speak of them."""

    key: str
    women: tuple[str, ...]
    men: tuple[str, ...]
    family: tuple[str, ...]
    # (codes, probability): the first code present in the vocabulary is used, so a
    # Cantonese speaker is listed under `yue`, or `zh` where there is no `yue`.
    languages: tuple[tuple[tuple[str, ...], float], ...]
    identities: tuple[tuple[str, float], ...]
    # How texts name the people served, per text language ("en" always present).
    served: dict[str, str]
    practice_words: tuple[str, ...]
    groups: tuple[CommunityGroup, ...]
    rooted_approaches: tuple[str, ...] = ()
    specialties: tuple[str, ...] = ()  # more likely here than elsewhere
    faiths: tuple[str, ...] = ()
    # Whether "navigating two cultures at once" describes the people served.
    bicultural: bool = True


G = CommunityGroup

# fmt: off
COMMUNITIES: dict[str, Community] = {c.key: c for c in (
    Community(
        key="latine",
        women=("María", "Alejandra", "Daniela", "Valeria", "Ximena", "Guadalupe", "Rosa",
               "Carolina", "Yesenia", "Marisol", "Lucía", "Gabriela", "Itzel", "Araceli",
               "Paola", "Maribel", "Fernanda", "Nayeli", "Beatriz", "Sofía", "Lorena",
               "Adriana"),
        men=("José", "Carlos", "Luis", "Javier", "Miguel", "Alejandro", "Jorge", "Eduardo",
             "Rafael", "Mateo", "Andrés", "Héctor", "Ricardo", "Diego", "Julio", "Óscar",
             "Tomás", "Emilio"),
        family=("Hernández", "García", "Martínez", "Rodríguez", "López", "González", "Pérez",
                "Sánchez", "Ramírez", "Torres", "Flores", "Rivera", "Gómez", "Díaz", "Morales",
                "Ortiz", "Castillo", "Jiménez", "Vargas", "Romero", "Mendoza", "Guzmán",
                "Salazar", "Delgado", "Aguilar", "Navarro", "Medina", "Fuentes", "Cabrera",
                "Reyes", "Cruz", "Domínguez", "Acosta", "Espinoza", "Herrera", "Valdez",
                "Quintero", "Ibarra", "Zamora"),
        languages=((("es",), 0.92), (("mam",), 0.02), (("quc",), 0.02), (("mix",), 0.01),
                   (("pt",), 0.02)),
        identities=(("latine", 1.0), ("immigrant", 0.3), ("children-of-immigrants", 0.2),
                    ("afro-latine", 0.08), ("indigenous", 0.04), ("first-generation", 0.15)),
        served={"en": "Latine individuals and families", "es": "personas y familias latinas"},
        practice_words=("Raíces", "Semillas", "Corazón", "Puentes", "Esperanza", "Alma",
                        "Nopal", "Colibrí"),
        groups=(
            G("Círculo de Mujeres de {place}", "healing-circle", "adults", ("women",),
              {"en": "Latina women", "es": "mujeres latinas"}),
            G("{place} Latine Peer Support", "peer-support"),
            G("Grupo de Apoyo para Padres de {place}", "support-group"),
            G("{place} Immigrant Families Mutual Aid", "mutual-aid", "all",
              ("immigrant", "undocumented")),
            G("Línea Cálida de {place}", "warm-line"),
            G("{place} Jóvenes Latines Peer Circle", "peer-support", "youth",
              served={"en": "Latine teens and young adults", "es": "jóvenes latines"}),
        ),
        rooted_approaches=("platica", "curanderismo", "testimonio-therapy",
                           "liberation-psychology", "cuento-therapy"),
        specialties=("immigration-stress", "acculturation", "family-conflict"),
        faiths=("catholic", "christian"),
    ),
    Community(
        key="black",
        women=("Aaliyah", "Imani", "Keisha", "Tamika", "Nia", "Jasmine", "Ebony", "Monique",
               "Destiny", "Kiara", "Shanice", "Latoya", "Brianna", "Aisha", "Danielle",
               "Crystal", "Tiana", "Jada", "Simone", "Alicia", "Raven", "Zora", "Kendra"),
        men=("Marcus", "Jamal", "Darnell", "Andre", "Terrence", "DeShawn", "Malik", "Jerome",
             "Cedric", "Isaiah", "Reginald", "Derrick", "Tyrone", "Kareem", "Darius",
             "Maurice", "Corey", "Elijah", "Xavier"),
        family=("Washington", "Jefferson", "Jackson", "Robinson", "Coleman", "Brooks",
                "Harris", "Williams", "Johnson", "Banks", "Freeman", "Bradley", "Mitchell",
                "Carter", "Simmons", "Hayes", "Gaines", "Dawson", "Bell", "Holloway",
                "Whitfield", "Tillman", "Merriweather", "Battle", "McKinney", "Ellis",
                "Foster", "Greene", "Hollins", "Stallworth", "Dorsey"),
        languages=((("es",), 0.04), (("fr",), 0.02)),
        identities=(("black", 1.0), ("african-american", 0.7)),
        served={"en": "Black adults, couples and families"},
        practice_words=("Kindred", "Harambee", "Legacy", "Village", "Juneteenth", "Freedom",
                        "Lineage"),
        groups=(
            G("{place} Black Men's Wellness Circle", "healing-circle", "adults", ("men",),
              {"en": "Black men"}),
            G("{place} Sister Circle", "support-group", "adults", ("women",),
              {"en": "Black women"}),
            G("{place} Black Grief Support Group", "support-group"),
            G("{place} Black Mental Health Peer Support", "peer-support"),
            G("{place} Black Queer & Trans Affinity Group", "affinity-group", "adults",
              ("lgbtq", "transgender"), {"en": "Black queer and trans people"}),
            G("{place} Community Care Mutual Aid", "mutual-aid", "all"),
            G("{place} Black Youth Peer Circle", "peer-support", "youth",
              served={"en": "Black teens and young adults"}),
        ),
        rooted_approaches=("africentric-therapy", "sister-circles"),
        specialties=("racial-trauma", "discrimination", "workplace-stress"),
        faiths=("christian",),
        bicultural=False,
    ),
    Community(
        key="haitian",
        women=("Widline", "Mirlande", "Nadège", "Roseline", "Guerline", "Marie-Claude",
               "Fabienne", "Judeline", "Stéphanie", "Nathalie", "Darline", "Sandrine",
               "Edwige", "Myrlande", "Islande", "Rose-Marie"),
        men=("Jean-Robert", "Fritznel", "Wilner", "Jean-Claude", "Ralph", "Marc-Arthur",
             "Jacques", "Evens", "Frantz", "Lesly", "Wilfrid", "Reginald", "Jean-Marc",
             "Gerald"),
        family=("Pierre", "Joseph", "Jean-Baptiste", "Charles", "Étienne", "Augustin", "Désir",
                "Louis", "François", "Saint-Fleur", "Bazile", "Michel", "Dorvil", "Alexis",
                "Jeune", "Cadet", "Noël", "Toussaint", "Laguerre", "Dorsainvil", "Célestin",
                "Vilsaint", "Théodore", "Jean-Louis"),
        languages=((("ht",), 0.92), (("fr",), 0.6), (("es",), 0.1)),
        identities=(("black", 0.9), ("caribbean", 0.95), ("immigrant", 0.5)),
        served={"en": "Haitian and Caribbean individuals and families",
                "ht": "moun ak fanmi ayisyen"},
        practice_words=("Lakou", "Konbit", "Solèy", "Lespwa"),
        groups=(
            G("Sèk Fanm {place}", "healing-circle", "adults", ("women",),
              {"en": "Haitian women", "ht": "fanm ayisyen"}),
            G("{place} Haitian Families Support Group", "support-group", "all"),
            G("Kout Men {place} Mutual Aid", "mutual-aid", "all", ("immigrant",)),
        ),
        rooted_approaches=("africentric-therapy",),
        specialties=("immigration-stress", "grief"),
        faiths=("christian", "catholic"),
    ),
    Community(
        key="caribbean",
        women=("Shanice", "Tameka", "Kerry-Ann", "Sherelle", "Natalie", "Nadine", "Kadian",
               "Simone", "Tanisha", "Marsha", "Renée", "Sasha"),
        men=("Kemar", "Andre", "Devon", "Omar", "Delroy", "Ricardo", "Kevin", "Damion",
             "Garfield", "Rohan", "Nigel", "Winston"),
        family=("Campbell", "Brown", "Thompson", "Clarke", "Grant", "Reid", "Morgan",
                "McKenzie", "Henry", "Gordon", "Francis", "Bailey", "Spence", "Lewis",
                "Ramdial", "Persaud", "Boodram", "Hinds", "Alleyne", "Gayle"),
        languages=((("es",), 0.06),),
        identities=(("black", 0.9), ("caribbean", 1.0), ("immigrant", 0.4),
                    ("south-asian", 0.05)),
        served={"en": "Caribbean immigrants and their families"},
        practice_words=("Island Roots", "Tradewinds", "Breadfruit"),
        groups=(
            G("{place} Caribbean Elders Circle", "support-group", "elders",
              served={"en": "Caribbean elders"}),
            G("{place} Caribbean Men's Peer Support", "peer-support", "adults", ("men",),
              {"en": "Caribbean men"}),
        ),
        rooted_approaches=("africentric-therapy",),
        specialties=("immigration-stress", "acculturation"),
        faiths=("christian",),
    ),
    Community(
        key="west_african",
        women=("Adaeze", "Chiamaka", "Folake", "Ngozi", "Abena", "Ama", "Efua", "Fatoumata",
               "Aminata", "Yetunde", "Ifeoma", "Mariama", "Akosua", "Comfort", "Oluwaseun"),
        men=("Chinedu", "Emeka", "Kwame", "Kofi", "Yaw", "Oluwaseun", "Babatunde", "Ibrahima",
             "Mamadou", "Obinna", "Tunde", "Kwabena", "Sekou", "Femi"),
        family=("Okafor", "Adeyemi", "Mensah", "Boateng", "Diallo", "Okonkwo", "Asante",
                "Owusu", "Nwosu", "Bamba", "Traoré", "Sow", "Adebayo", "Eze", "Oyelaran",
                "Danso", "Koroma", "Kamara", "Sesay", "Kollie", "Dolo", "Toe"),
        languages=((("fr",), 0.35), (("yo",), 0.25), (("ig",), 0.15), (("tw",), 0.12),
                   (("wo",), 0.08), (("ff",), 0.06)),
        identities=(("black", 0.9), ("african", 1.0), ("immigrant", 0.6), ("muslim", 0.15),
                    ("children-of-immigrants", 0.2)),
        served={"en": "African immigrants and their families"},
        practice_words=("Ubuntu", "Sankofa", "Baobab", "Harmattan"),
        groups=(
            G("{place} African Immigrant Families Support Group", "support-group", "all",
              ("immigrant",)),
            G("{place} African Women's Healing Circle", "healing-circle", "adults",
              ("women",), {"en": "African immigrant women"}),
        ),
        rooted_approaches=("africentric-therapy",),
        specialties=("immigration-stress", "acculturation", "family-conflict"),
        faiths=("christian", "muslim"),
    ),
    Community(
        key="somali",
        women=("Hodan", "Faadumo", "Ayaan", "Sahra", "Hibo", "Ifrah", "Nasra", "Ubah", "Deeqa",
               "Idil", "Muna", "Asha", "Sagal", "Hamdi", "Khadra", "Ikran"),
        men=("Abdirahman", "Mohamed", "Abdullahi", "Ahmed", "Hassan", "Mahad", "Liban",
             "Farhan", "Abdiwali", "Mustafe", "Guled", "Bashir", "Yusuf", "Omar"),
        family=("Warsame", "Abdi", "Hassan", "Farah", "Jama", "Ali", "Mohamud", "Aden", "Osman",
                "Hussein", "Nur", "Ibrahim", "Yusuf", "Dahir", "Elmi", "Egal", "Samatar",
                "Guleid", "Hirsi", "Shire"),
        languages=((("so",), 0.92), (("ar",), 0.3), (("sw",), 0.05)),
        identities=(("black", 0.6), ("african", 1.0), ("muslim", 0.85), ("immigrant", 0.5),
                    ("refugee", 0.3)),
        served={"en": "Somali and East African families", "ar": "العائلات الصومالية"},
        practice_words=("Nabad", "Hiil", "Horseed"),
        groups=(
            G("{place} Somali Mothers' Circle", "support-group", "adults", ("women",),
              {"en": "Somali mothers", "ar": "الأمهات الصوماليات"}),
            G("{place} Somali Youth Peer Support", "peer-support", "youth",
              served={"en": "Somali teens and young adults"}),
            G("{place} Somali Community Mutual Aid", "mutual-aid", "all"),
        ),
        specialties=("immigration-stress", "intergenerational-trauma", "ptsd"),
        faiths=("muslim",),
    ),
    Community(
        key="ethiopian",
        women=("Selam", "Tigist", "Meron", "Hiwot", "Bethlehem", "Rahel", "Mekdes", "Saba",
               "Almaz", "Liya", "Senait", "Tsion", "Hanna", "Eden", "Feven", "Chaltu", "Lensa"),
        men=("Dawit", "Yonas", "Bereket", "Abel", "Henok", "Samuel", "Biniam", "Mulugeta",
             "Natnael", "Girma", "Kidus", "Robel", "Lemma", "Gemechu", "Tolera"),
        family=("Tesfaye", "Bekele", "Haile", "Gebremedhin", "Alemu", "Tadesse", "Wolde",
                "Mekonnen", "Kebede", "Asfaw", "Desta", "Berhane", "Negash", "Abebe", "Tekle",
                "Worku", "Regassa", "Gudina", "Dinsa"),
        languages=((("am",), 0.82), (("ti",), 0.3), (("om",), 0.25)),
        identities=(("black", 0.7), ("african", 1.0), ("immigrant", 0.6), ("refugee", 0.1)),
        served={"en": "Ethiopian, Eritrean and Oromo communities"},
        practice_words=("Selam", "Tesfa", "Buna"),
        groups=(
            G("{place} Ethiopian & Eritrean Community Support Group", "support-group", "all"),
            G("{place} Buna Circle for East African Women", "support-group", "adults",
              ("women",), {"en": "East African women"}),
        ),
        rooted_approaches=("africentric-therapy",),
        specialties=("immigration-stress", "acculturation"),
        faiths=("christian", "muslim"),
    ),
    Community(
        key="cantonese",
        women=("Siu Ling", "Ka Yan", "Mei Ling", "Suk Yee", "Wing Sze", "Hoi Yan", "Lai Kuen",
               "Man Yee", "Pui Shan", "Grace", "Winnie", "Vivian", "Amy", "Michelle", "Jenny",
               "Eunice", "Tiffany"),
        men=("Kwok Wing", "Chi Keung", "Wai Kit", "Ka Ho", "Siu Ming", "Kin Fai", "Hon Wah",
             "Chun Kit", "Kevin", "Raymond", "Kenneth", "Stanley", "Calvin", "Wilson",
             "Dennis", "Edmund"),
        family=("Chan", "Wong", "Leung", "Lam", "Cheung", "Ng", "Lau", "Ho", "Chow", "Yip",
                "Tam", "Mak", "Kwan", "Lee", "Tse", "Fong", "Choi", "Lui", "Yuen", "Kwok",
                "Szeto"),
        languages=((("yue", "zh"), 0.92), (("cmn", "zh"), 0.4), (("vi",), 0.03)),
        identities=(("east-asian", 1.0), ("asian-american", 0.5), ("immigrant", 0.4),
                    ("children-of-immigrants", 0.2)),
        served={"en": "Chinese immigrant families and Chinese American adults",
                "zh_hant": "華人移民家庭及華裔成年人", "zh_hans": "华人移民家庭及华裔成年人"},
        practice_words=("Jade", "Lantern", "Bamboo", "Harmony"),
        groups=(
            G("{place} Chinese Family Caregivers Group", "support-group", "adults",
              ("immigrant",)),
            G("{place} Chinese Seniors Peer Support", "peer-support", "elders",
              served={"en": "Chinese seniors", "zh_hant": "華人長者", "zh_hans": "华人长者"}),
        ),
        rooted_approaches=("tai-chi-and-qigong",),
        specialties=("caregiver-stress", "family-conflict", "immigration-stress"),
        faiths=("buddhist", "christian"),
    ),
    Community(
        key="mandarin",
        women=("Xiaoyu", "Jing", "Lina", "Yiting", "Meng", "Xin", "Ying", "Ruoxi", "Shuang",
               "Wenjing", "Jiayi", "Tingting", "Hui", "Lily", "Cathy", "Helen", "Yvonne"),
        men=("Wei", "Yiming", "Haoran", "Jun", "Zhiwei", "Tao", "Lei", "Xiang", "Jian", "Peng",
             "Hao", "Kevin", "David", "Eric", "Jason"),
        family=("Zhang", "Wang", "Li", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu",
                "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Lin", "Gao", "Luo", "Zheng",
                "Liang", "Song", "Tang", "Xie", "Han", "Feng", "Deng", "Cao"),
        languages=((("cmn", "zh"), 0.95), (("yue", "zh"), 0.1)),
        identities=(("east-asian", 1.0), ("asian-american", 0.3), ("immigrant", 0.45),
                    ("first-generation", 0.15)),
        served={"en": "Chinese-speaking adults, students and families",
                "zh_hans": "华人成年人、留学生及家庭", "zh_hant": "華人成年人、留學生及家庭"},
        practice_words=("Lotus", "Lantern", "Bamboo", "Harmony"),
        groups=(
            G("{place} Chinese International Students Peer Support", "peer-support",
              "adults", ("immigrant",),
              {"en": "Chinese international students", "zh_hans": "中国留学生",
               "zh_hant": "中國留學生"}),
            G("{place} Chinese Parents Support Group", "support-group"),
        ),
        rooted_approaches=("tai-chi-and-qigong",),
        specialties=("academic-stress", "acculturation", "family-conflict"),
        faiths=("buddhist", "christian", "non-religious"),
    ),
    Community(
        key="vietnamese",
        women=("Thao", "Lan", "Ngoc", "Linh", "Trang", "Huong", "Mai", "Hanh", "Thu", "Anh",
               "Phuong", "Vy", "Nhung", "Quyen", "Hoa", "Diem", "Kim", "Tram", "Uyen"),
        men=("Minh", "Huy", "Bao", "Duc", "Khanh", "Tuan", "Long", "Hung", "Quang", "Phong",
             "Son", "Thanh", "Vinh", "Trung", "Hieu", "Dat", "Hoang", "Tam"),
        family=("Nguyen", "Nguyen", "Tran", "Le", "Pham", "Hoang", "Huynh", "Phan", "Vu", "Vo",
                "Dang", "Bui", "Do", "Ho", "Ngo", "Duong", "Ly", "Truong", "Dinh", "Lam", "Mai",
                "Luu", "Ta", "Trinh", "Cao"),
        languages=((("vi",), 0.92), (("fr",), 0.03), (("yue", "zh"), 0.04)),
        identities=(("southeast-asian", 1.0), ("asian-american", 0.4), ("refugee", 0.15),
                    ("immigrant", 0.3), ("children-of-immigrants", 0.3)),
        served={"en": "Vietnamese American individuals and families",
                "vi": "người Việt và gia đình"},
        practice_words=("Sen", "Bình An", "Hy Vọng", "Quê Hương"),
        groups=(
            G("{place} Vietnamese Family Support Group", "support-group", "all"),
            G("{place} Vietnamese Elders Circle", "healing-circle", "elders", ("refugee",),
              {"en": "Vietnamese elders", "vi": "các cô chú, ông bà người Việt"}),
            G("{place} Vietnamese Youth Peer Support", "peer-support", "youth",
              served={"en": "Vietnamese American teens and young adults",
                      "vi": "các bạn trẻ gốc Việt"}),
        ),
        specialties=("intergenerational-trauma", "family-conflict", "ptsd"),
        faiths=("buddhist", "catholic"),
    ),
    Community(
        key="korean",
        women=("Ji-woo", "Seo-yeon", "Hye-jin", "Eun-ji", "Min-ji", "Soo-jin", "Yoon-ah",
               "Ha-eun", "Ji-hye", "Su-bin", "Grace", "Esther", "Sarah", "Hannah", "Christine",
               "Joanne"),
        men=("Min-jun", "Jae-won", "Sung-ho", "Dong-hyun", "Hyun-woo", "Ji-hoon", "Tae-yang",
             "Seung-min", "Daniel", "Paul", "Joseph", "Andrew", "Peter", "Sam"),
        family=("Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim",
                "Han", "Oh", "Seo", "Shin", "Kwon", "Hwang", "Ahn", "Song", "Yoo", "Hong",
                "Baek", "Moon"),
        languages=((("ko",), 0.88),),
        identities=(("east-asian", 1.0), ("asian-american", 0.5), ("immigrant", 0.3),
                    ("children-of-immigrants", 0.3)),
        served={"en": "Korean American adults and families", "ko": "한인 성인과 가족들"},
        practice_words=("Jeong", "Haneul", "Saerom", "Maeum"),
        groups=(
            G("{place} Korean Caregivers Circle", "support-group"),
            G("{place} Korean American Young Adults Peer Support", "peer-support",
              served={"en": "Korean American young adults", "ko": "한인 청년들"}),
        ),
        specialties=("family-conflict", "workplace-stress", "caregiver-stress"),
        faiths=("christian", "buddhist"),
    ),
    Community(
        key="filipino",
        women=("Maricel", "Rowena", "Ligaya", "Jasmine", "Analyn", "Kristine", "Marites",
               "Jocelyn", "Rosario", "Leah", "Angelica", "Divina", "Katrina", "Rhea", "Joy",
               "Cherry"),
        men=("Arnel", "Marlon", "Paolo", "Rodel", "Jericho", "Renato", "Carlo", "Joel",
             "Emmanuel", "Ramon", "Dennis", "Bayani", "Reynaldo", "Mark Anthony"),
        family=("Santos", "Reyes", "Cruz", "Bautista", "Dela Cruz", "Mendoza", "Villanueva",
                "Ramos", "Aquino", "Manalo", "Fernandez", "Soriano", "Mercado", "Domingo",
                "Tolentino", "Pascual", "Gonzales", "Macaraeg", "Dizon", "Pangilinan",
                "Agbayani", "Abad", "Ocampo", "Galang"),
        languages=((("tl",), 0.82), (("ilo",), 0.18), (("ceb",), 0.1)),
        identities=(("southeast-asian", 1.0), ("asian-american", 0.4), ("immigrant", 0.35),
                    ("pacific-islander", 0.04), ("children-of-immigrants", 0.25)),
        served={"en": "Filipino individuals and families",
                "tl": "mga Pilipino at kanilang pamilya"},
        practice_words=("Kapwa", "Bayanihan", "Lingap", "Malasakit"),
        groups=(
            G("{place} Kapwa Peer Support", "peer-support"),
            G("{place} Filipino Caregivers Support Group", "support-group", "adults",
              ("immigrant",)),
            G("{place} Bayanihan Mutual Aid", "mutual-aid", "all"),
        ),
        rooted_approaches=("sikolohiyang-pilipino",),
        specialties=("caregiver-stress", "workplace-stress", "family-conflict"),
        faiths=("catholic", "christian"),
    ),
    Community(
        key="arab",
        women=("Layla", "Yasmin", "Noor", "Rania", "Mariam", "Huda", "Amira", "Dalia", "Lina",
               "Samira", "Reem", "Salma", "Hana", "Zeinab", "Fatima", "Nadia", "Suha", "Dina"),
        men=("Omar", "Karim", "Samir", "Hadi", "Khalid", "Ali", "Hassan", "Yousef", "Tariq",
             "Rami", "Nabil", "Fadi", "Ibrahim", "Bilal", "Majid", "Hussein", "Ziad"),
        family=("Haddad", "Saleh", "Nasser", "Khalil", "Mansour", "Aziz", "Hamdan", "Alawi",
                "Darwish", "Farhat", "Jaber", "Bazzi", "Beydoun", "Saad", "Hammoud", "Kassem",
                "Fawaz", "Harb", "Abdallah", "Ayoub", "Zaidan", "Awad", "Sabbagh", "Masri",
                "Yafai", "Qasim", "Murad", "Chami", "Hijazi", "Nasr"),
        languages=((("ar",), 0.92), (("fr",), 0.15), (("ku",), 0.03)),
        identities=(("middle-eastern-north-african", 1.0), ("muslim", 0.55), ("immigrant", 0.4),
                    ("refugee", 0.1), ("christian", 0.1)),
        served={"en": "Arab American, Middle Eastern and North African families",
                "ar": "العائلات العربية والمهاجرين من الشرق الأوسط وشمال أفريقيا"},
        practice_words=("Sanad", "Noor", "Amal", "Salam", "Zaytoun"),
        groups=(
            G("{place} Arab Women's Support Circle", "support-group", "adults", ("women",),
              {"en": "Arab women", "ar": "النساء العربيات"}),
            G("{place} Arab American Youth Peer Support", "peer-support", "youth",
              served={"en": "Arab American teens and young adults",
                      "ar": "الشباب العرب الأمريكيين"}),
            G("{place} Muslim Mental Health Circle", "support-group", "adults", ("muslim",),
              {"en": "Muslim community members", "ar": "أبناء المجتمع المسلم"}),
        ),
        specialties=("discrimination", "immigration-stress", "ptsd"),
    ),
    Community(
        key="south_asian",
        women=("Priya", "Anjali", "Farhana", "Nusrat", "Sana", "Ayesha", "Kavya", "Meera",
               "Divya", "Shreya", "Tasnim", "Ruksana", "Harpreet", "Simran", "Nandini",
               "Lakshmi", "Rupa", "Sabina"),
        men=("Arjun", "Rahul", "Imran", "Vikram", "Sanjay", "Faisal", "Rohan", "Anil", "Tanvir",
             "Harjit", "Karan", "Ashwin", "Nikhil", "Zubair", "Rafiq", "Deepak", "Suresh"),
        family=("Patel", "Shah", "Rahman", "Chowdhury", "Iyer", "Khan", "Singh", "Ahmed",
                "Hossain", "Desai", "Reddy", "Gupta", "Malik", "Bhatt", "Mehta", "Siddiqui",
                "Islam", "Nair", "Rao", "Sharma", "Qureshi", "Sandhu", "Gill", "Menon",
                "Krishnan"),
        languages=((("hi",), 0.4), (("bn",), 0.3), (("ur",), 0.3), (("pa",), 0.15),
                   (("gu",), 0.15), (("ta",), 0.1), (("te",), 0.06), (("ne",), 0.04)),
        identities=(("south-asian", 1.0), ("asian-american", 0.3), ("muslim", 0.25),
                    ("hindu", 0.15), ("sikh", 0.06), ("immigrant", 0.4),
                    ("children-of-immigrants", 0.25)),
        served={"en": "South Asian adults and families"},
        practice_words=("Saathi", "Sahara", "Aasha", "Roshni"),
        groups=(
            G("{place} South Asian Women's Circle", "support-group", "adults", ("women",),
              {"en": "South Asian women"}),
            G("{place} Desi Queer & Trans Affinity Group", "affinity-group", "adults",
              ("lgbtq", "transgender"), {"en": "South Asian queer and trans people"}),
        ),
        rooted_approaches=("yoga",),
        specialties=("family-conflict", "academic-stress", "domestic-violence"),
    ),
    Community(
        key="hmong",
        women=("Mai Yer", "Pa Houa", "Nou", "Mai See", "Kia", "Mai Kou", "Ka Zoua", "Pang",
               "Yeng", "Shoua", "Mai Nhia", "Chia", "Mai Chue", "Bao"),
        men=("Tou", "Kou", "Chue", "Yia", "Pao", "Xeng", "Fue", "Neng", "Tong", "Meng", "Nhia",
             "Koua", "Cher", "Ger"),
        # The large clans appear more than once: they are that common.
        family=("Vang", "Xiong", "Yang", "Lee", "Her", "Thao", "Moua", "Lor", "Vue", "Lo",
                "Hang", "Chang", "Khang", "Kue", "Cha", "Thor", "Vang", "Xiong", "Yang"),
        languages=((("hmn",), 0.92), (("lo",), 0.05)),
        identities=(("southeast-asian", 1.0), ("asian-american", 0.3), ("refugee", 0.35),
                    ("children-of-immigrants", 0.35)),
        served={"en": "Hmong families and elders"},
        practice_words=("Kev Cia Siab", "Paj Ntaub", "Txoj Kev"),
        groups=(
            G("{place} Hmong Elders Support Group", "support-group", "elders", ("refugee",),
              {"en": "Hmong elders"}),
            G("{place} Hmong Women's Healing Circle", "healing-circle", "adults", ("women",),
              {"en": "Hmong women"}),
            G("{place} Hmong Youth Peer Support", "peer-support", "youth",
              served={"en": "Hmong teens and young adults"}),
        ),
        specialties=("intergenerational-trauma", "family-conflict", "ptsd"),
    ),
    Community(
        key="khmer",
        women=("Sopheap", "Sokha", "Chenda", "Bopha", "Sreymom", "Channary", "Phalla",
               "Sophea", "Kunthea", "Davy", "Maly", "Rachana", "Theary"),
        men=("Dara", "Vuthy", "Rithy", "Sokhom", "Pheakdey", "Chanthou", "Samnang", "Visal",
             "Kosal", "Borey", "Piseth", "Sovann", "Vannak"),
        family=("Chhay", "Sok", "Keo", "Chea", "Prak", "Heng", "Meas", "Chhim", "Som", "Pen",
                "Ouk", "Touch", "Nhem", "Chum", "Long", "Uy", "Yim", "Mao"),
        languages=((("km",), 0.88),),
        identities=(("southeast-asian", 1.0), ("refugee", 0.3), ("buddhist", 0.2),
                    ("children-of-immigrants", 0.3)),
        served={"en": "Cambodian American families and survivors"},
        practice_words=("Metta", "Sovann", "Kdey Sangkhum"),
        groups=(
            G("{place} Cambodian Survivors Support Group", "support-group", "adults",
              ("refugee",)),
            G("{place} Khmer Elders Healing Circle", "healing-circle", "elders",
              served={"en": "Cambodian elders"}),
        ),
        specialties=("intergenerational-trauma", "ptsd", "grief"),
    ),
    Community(
        key="dine",
        women=("Shaandiin", "Dezbah", "Nizhoni", "Autumn", "Jolene", "Kayla", "Marlene",
               "Bernadette", "Charlene", "Tanya", "Sage", "Shayla", "Loretta", "Darlene",
               "Renae"),
        men=("Tyler", "Darrell", "Marcus", "Ahiga", "Nathaniel", "Leonard", "Vernon", "Jerome",
             "Kee", "Cody", "Travis", "Wilson", "Delbert", "Arvin", "Brandon"),
        family=("Begay", "Yazzie", "Tsosie", "Benally", "Nez", "Etsitty", "Begaye",
                "Manuelito", "Tso", "Chee", "Silversmith", "Bitsui", "Joe", "Harvey",
                "Yellowhair", "Attakai", "Todacheeny", "Peshlakai", "Largo", "Charley",
                "Tsinajinnie", "Billie", "Claw"),
        languages=((("nv",), 0.7),),
        identities=(("indigenous", 1.0), ("two-spirit", 0.03)),
        served={"en": "Diné (Navajo) individuals and families"},
        practice_words=("Hózhó", "Four Directions", "Red Mesa", "Canyon"),
        groups=(
            G("{place} Diné Talking Circle", "healing-circle"),
            G("{place} Diné Youth Peer Support", "peer-support", "youth",
              served={"en": "Diné teens and young adults"}),
            G("{place} Hózhó Wellness Circle", "healing-circle", "all"),
            G("{place} Family Warm Line", "warm-line", "all"),
        ),
        rooted_approaches=("talking-circles", "wellbriety"),
        specialties=("intergenerational-trauma", "substance-use", "grief"),
        bicultural=False,
    ),
    Community(
        key="native",
        women=("Mary Jo", "Angela", "Robin", "Dawn", "Leah", "Star", "Kateri", "Tara",
               "Nicole", "Carmen", "Rose", "Skye", "Monica", "Gina"),
        men=("Joseph", "Clayton", "Daniel", "Russell", "Aaron", "Tony", "Shawn", "Terrance",
             "Lance", "Dustin", "Francis", "Jesse", "Andrew"),
        family=("Fairbanks", "Jourdain", "Morrison", "Stately", "Kingbird", "Goodsky", "Defoe",
                "Whitebird", "Littlewolf", "Bellanger", "Beaulieu", "Cloud", "Redday",
                "Lucero", "Tafoya", "Naranjo", "Yepa", "Toya", "Shije", "Laate", "Romero",
                "Chavez"),
        languages=((("oj",), 0.06), (("dak",), 0.04), (("lkt",), 0.03), (("nv",), 0.08)),
        identities=(("indigenous", 1.0), ("two-spirit", 0.06), ("multiracial", 0.1)),
        served={"en": "Native and Indigenous relatives"},
        practice_words=("Four Directions", "Seven Generations", "Turtle Island"),
        groups=(
            G("{place} Native Wellness Talking Circle", "healing-circle"),
            G("{place} Two-Spirit Affinity Group", "affinity-group", "adults",
              ("two-spirit", "lgbtq"), {"en": "Two-Spirit and Native LGBTQ+ relatives"}),
            G("{place} Native Recovery Peer Support", "peer-support",
              served={"en": "Native relatives in recovery"}),
        ),
        rooted_approaches=("talking-circles", "wellbriety"),
        specialties=("intergenerational-trauma", "substance-use", "grief"),
        bicultural=False,
    ),
    Community(
        key="pacific",
        women=("Leilani", "Noelani", "Keala", "Malia", "Kanani", "Pua", "Mahina", "Losa",
               "Seini", "Kailani", "Nalani", "Mele", "Salote", "Ana"),
        men=("Keoni", "Kaleo", "Makana", "Kainoa", "Kekoa", "Sione", "Tavita", "Mosese",
             "Sefo", "Pita", "Iosefa", "Kimo", "Lanakila", "Ikaika"),
        family=("Kahale", "Kealoha", "Kamakana", "Akana", "Nakoa", "Keawe", "Kahananui",
                "Kamaka", "Kaleikini", "Makua", "Leota", "Faleolo", "Sapolu", "Fifita",
                "Taufa", "Vaipulu", "Mahe", "Pahia", "Kekumu", "Aisek", "Sigrah", "Elias",
                "Tauiliili", "Fonoti"),
        languages=((("haw",), 0.3), (("sm",), 0.22), (("to",), 0.15), (("chk",), 0.1),
                   (("mh",), 0.08), (("ch",), 0.04)),
        identities=(("pacific-islander", 1.0), ("native-hawaiian", 0.4), ("indigenous", 0.25),
                    ("multiracial", 0.2)),
        served={"en": "Native Hawaiian and Pacific Islander families"},
        practice_words=("Lōkahi", "ʻOhana", "Mālama", "Kuleana"),
        groups=(
            G("{place} Pacific Islander Talk Story Circle", "healing-circle"),
            G("{place} Hoʻoponopono Family Circle", "healing-circle", "all"),
            G("{place} Micronesian Families Support Group", "support-group", "all",
              ("immigrant",)),
            G("{place} Pacific Islander Youth Peer Support", "peer-support", "youth",
              served={"en": "Pacific Islander teens and young adults"}),
        ),
        rooted_approaches=("ho-oponopono",),
        specialties=("intergenerational-trauma", "family-conflict", "substance-use"),
        faiths=("christian",),
    ),
    Community(
        key="japanese",
        women=("Naomi", "Keiko", "Emi", "Aiko", "Yuki", "Lisa", "Joy", "Lynn", "Sachiko",
               "Mika", "Erin"),
        men=("Kenji", "Glenn", "Dean", "Scott", "Brandon", "Kyle", "Derek", "Hiroshi", "Ryan",
             "Alan", "Craig", "Takeshi"),
        family=("Nakamura", "Tanaka", "Yamamoto", "Higa", "Oshiro", "Shimabukuro", "Fujimoto",
                "Watanabe", "Kaneshiro", "Yoshida", "Matsumoto", "Arakaki", "Miyashiro",
                "Okada", "Sato", "Nakasone"),
        languages=((("ja",), 0.4),),
        identities=(("east-asian", 1.0), ("asian-american", 0.6), ("multiracial", 0.2)),
        served={"en": "Japanese American and local families"},
        practice_words=("Kokoro", "Ikigai", "Makana"),
        groups=(G("{place} Japanese American Caregivers Group", "support-group", "adults"),),
        rooted_approaches=("morita-therapy", "naikan"),
        specialties=("caregiver-stress", "grief", "life-transitions"),
        faiths=("buddhist", "christian"),
        bicultural=False,
    ),
    Community(
        key="general",
        women=("Maya", "Jordan", "Alexis", "Tessa", "Camille", "Zoe", "Aliyah", "Leah",
               "Rachel", "Nadia", "Jade", "Olivia", "Serena", "Isabel", "Amara", "Noemi",
               "Bianca", "Elena"),
        men=("Jordan", "Alex", "Isaiah", "Julian", "Adrian", "Malcolm", "Noah", "Gabriel",
             "Elias", "Devin", "Miles", "Cameron", "Jonah", "Sebastian", "Micah"),
        family=(),  # drawn from the other communities, often hyphenated
        languages=((("es",), 0.15), (("fr",), 0.04), (("pt",), 0.02)),
        identities=(("multiracial", 0.6),),
        served={"en": "Black, Indigenous and people of color, and immigrant families"},
        practice_words=("Riverstone", "Common Ground", "Open Door", "Northstar", "Willow",
                        "Harbor", "Bridges", "Cedar", "Mosaic", "Lantern", "Wildflower"),
        groups=(
            G("{place} QTBIPOC Peer Support Group", "peer-support", "adults",
              ("lgbtq", "transgender", "nonbinary"), {"en": "queer and trans people of color"}),
            G("{place} Immigrant & Refugee Mutual Aid", "mutual-aid", "all",
              ("immigrant", "refugee")),
            G("{place} BIPOC Grief Circle", "support-group"),
            G("{place} Youth of Color Affinity Group", "affinity-group", "youth",
              served={"en": "young people of color"}),
            G("{place} Community Warm Line", "warm-line"),
            G("{place} Survivors of Color Support Group", "support-group"),
            G("{place} BIPOC Healthcare Workers Affinity Group", "affinity-group",
              served={"en": "healthcare workers of color"}),
            G("{place} Multiracial Families Circle", "support-group", "all"),
        ),
        rooted_approaches=("liberation-psychology",),
        specialties=("racial-trauma", "identity-exploration", "life-transitions"),
        bicultural=False,
    ),
)}

# Culturally rooted practices that belong to some people or places only.
ROOTED_FOR_WOMEN = ("sister-circles",)
ROOTED_IN_METROS = {"cuento-therapy": ("new-york", "philadelphia", "chicago", "miami")}

NEUTRAL_NAMES = ("Alex", "Jordan", "Kai", "Rio", "Sage", "River", "Remy", "Avery", "Quinn",
                 "Sky", "Ash", "Emery", "Rowan")
# fmt: on


# Clinicians ----------------------------------------------------------------

# fmt: off
# The counselor licence each state issues.
COUNSELOR_LICENCE = {
    "NY": "LMHC", "CA": "LPCC", "IL": "LCPC", "TX": "LPC", "WA": "LMHC", "GA": "LPC",
    "FL": "LMHC", "DC": "LPC", "MD": "LCPC", "VA": "LPC", "PA": "LPC", "MN": "LPCC",
    "AZ": "LPC", "NM": "LPCC", "MI": "LPC", "HI": "LMHC", "NJ": "LPC",
}
COUNSELOR_TITLE = {
    "LMHC": "Licensed Mental Health Counselor",
    "LPCC": "Licensed Professional Clinical Counselor",
    "LCPC": "Licensed Clinical Professional Counselor",
    "LPC": "Licensed Professional Counselor",
}
# fmt: on


@dataclass(frozen=True)
class Licence:
    credentials: tuple[str, ...]  # one is picked; {counselor} is the state's licence
    licence_type: str
    role: str  # how the clinician describes themselves in English
    weight: int


# fmt: off
LICENCES: tuple[Licence, ...] = (
    Licence(("MSW, LCSW", "LCSW"), "Licensed Clinical Social Worker",
            "licensed clinical social worker", 30),
    Licence(("MA, LMFT", "MS, LMFT", "LMFT"), "Licensed Marriage and Family Therapist",
            "marriage and family therapist", 20),
    Licence(("MA, {counselor}", "MS, {counselor}", "{counselor}"), "{counselor}",
            "licensed counselor", 26),
    Licence(("PhD", "PsyD"), "Licensed Psychologist", "psychologist", 15),
    Licence(("MD",), "Physician (Psychiatry)", "psychiatrist", 4),
    Licence(("PMHNP-BC", "MSN, PMHNP-BC"), "Advanced Practice Registered Nurse",
            "psychiatric nurse practitioner", 5),
)

PRACTICE_SUFFIXES = ("Counseling Collective", "Therapy Collective", "Wellness Center",
                     "Family Counseling", "Community Counseling Center",
                     "Behavioral Health Clinic", "Counseling & Wellness", "Psychotherapy Group")

COMMUNITY_VENUES = ("Community room", "Library meeting room", "Parish hall",
                    "Community center, second floor", "Cultural center", "Recreation center")
# fmt: on


# Texts ---------------------------------------------------------------------


@dataclass(frozen=True)
class Texts:
    """One language's templates. Slots: {name} {first} {city} {years} {role} {served}
    {specialties} {approaches} {modes} {ctype} {activity} {cost}."""

    clinician: tuple[str, ...]  # in English the last is for people between two cultures
    practice: tuple[str, ...]
    community: str
    approach: tuple[str, ...]
    practice_approach: str
    community_approach: str
    demo_note: str
    served_generic: str
    modes: dict[str, str]  # in_person, video, phone
    list_sep: str
    list_last: str
    modes_last: str
    specialties: dict[str, str]
    approaches: dict[str, str]
    ctypes: dict[str, str]
    activity: dict[str, str]  # default, warm-line, mutual-aid
    cost_free: str
    cost_low: str
    cities: dict[str, str] = field(default_factory=dict)


# fmt: off
TEXTS: dict[str, Texts] = {
    "en": Texts(
        clinician=(
            "I'm {first}, a {role} in {city}. I work with {served}, and much of my work is "
            "around {specialties}. Therapy with me is a place to slow down and be understood "
            "without having to translate your whole life.",
            "I have been practicing for {years} years, mostly with {served}. People often come "
            "to me for {specialties}. I see clients {modes}.",
            "As a {role}, I care about helping people feel at home in their own story. I have "
            "{years} years of experience with {served} and focus on {specialties}.",
            "Many of the people I work with are navigating two cultures at once. I work with "
            "{served}, with a focus on {specialties}, and offer sessions {modes}.",
        ),
        practice=(
            "{name} is a group practice in {city}. Our clinicians work with {served}, with a "
            "focus on {specialties}. We see clients {modes}.",
            "{name} is a community clinic in {city} serving {served}. Our team offers care for "
            "{specialties}, {modes}.",
        ),
        community="{name} is {ctype} for {served} in {city}. {activity} {cost}",
        approach=(
            "I draw on {approaches}, adapted to each person's culture, faith and family. We "
            "set goals together and check in often about what is helping.",
            "My style is warm and direct. I use {approaches}, and I make room for the ways your "
            "family and community understand healing.",
        ),
        practice_approach=(
            "Our clinicians use {approaches}. Care is shaped around each family's language, "
            "culture and faith."
        ),
        community_approach=(
            "Peer-led and confidential. Our facilitators are community members trained in peer "
            "support; this is not a replacement for therapy."
        ),
        demo_note=(
            "(Demo listing: every detail here is fictional, created to show how Rooted works.)"
        ),
        served_generic="people of every background",
        modes={"in_person": "in person", "video": "by video", "phone": "by phone"},
        list_sep=", ", list_last=" and ", modes_last=" or ",
        specialties={
            "anxiety": "anxiety", "depression": "depression", "trauma": "trauma",
            "racial-trauma": "racial trauma",
            "intergenerational-trauma": "intergenerational trauma",
            "immigration-stress": "the stress of immigration", "grief": "grief",
            "substance-use": "substance use", "relationships": "relationships",
        },
        approaches={
            "cbt": "CBT", "emdr": "EMDR", "somatic": "somatic therapy",
            "narrative": "narrative therapy", "culturally-adapted": "culturally adapted therapy",
            "faith-integrated": "faith-integrated therapy",
        },
        ctypes={
            "peer-support": "a peer support group", "support-group": "a support group",
            "mutual-aid": "a mutual aid network", "healing-circle": "a healing circle",
            "affinity-group": "an affinity group", "warm-line": "a warm line",
        },
        activity={
            "default": "We meet to share, listen and look after one another.",
            "warm-line": "Call to talk with a trained peer from the community; you don't need "
                         "to be in crisis.",
            "mutual-aid": "Neighbors share rides, meals, childcare and company, and we check "
                          "in on one another.",
        },
        cost_free="Free; no referral or diagnosis needed.",
        cost_low="A small suggested donation; no one is turned away for lack of funds.",
    ),
    "es": Texts(
        clinician=(
            "Soy {first}, terapeuta en {city}. Acompaño a {served} y me especializo en "
            "{specialties}. En nuestras sesiones puedes hablar en tu idioma, a tu ritmo y sin "
            "tener que explicar tu cultura.",
            "Tengo {years} años de experiencia en terapia. Trabajo sobre todo con {served}, en "
            "temas como {specialties}. Ofrezco sesiones {modes}.",
        ),
        practice=(
            "En {name}, un equipo de {city}, acompañamos a {served}. Trabajamos temas como "
            "{specialties} y ofrecemos sesiones {modes}.",
        ),
        community="{name} es {ctype} para {served} en {city}. {activity} {cost}",
        approach=(
            "Trabajo con {approaches}, adaptando cada sesión a tu cultura, tu fe y tu familia. "
            "Fijamos metas en conjunto y revisamos con frecuencia qué te está ayudando.",
            "Mi forma de trabajar es cálida y directa. Uso {approaches} y dejo espacio para las "
            "maneras en que tu familia y tu comunidad entienden la sanación.",
        ),
        practice_approach=(
            "Nuestro equipo trabaja con {approaches} y adapta la atención al idioma, la cultura "
            "y la fe de cada familia."
        ),
        community_approach=(
            "Dirigido por pares y confidencial. Quienes facilitan son personas de la comunidad "
            "con formación en apoyo entre pares; no sustituye a la terapia."
        ),
        demo_note="(Ficha de demostración: todos los datos son ficticios.)",
        served_generic="personas y familias de distintas culturas",
        modes={"in_person": "en persona", "video": "por video", "phone": "por teléfono"},
        list_sep=", ", list_last=" y ", modes_last=" o ",
        specialties={
            "anxiety": "ansiedad", "depression": "depresión", "trauma": "trauma",
            "racial-trauma": "trauma racial",
            "intergenerational-trauma": "trauma intergeneracional",
            "immigration-stress": "estrés migratorio", "grief": "duelo",
            "substance-use": "consumo de sustancias",
            "relationships": "relaciones de pareja y familia",
        },
        approaches={
            "cbt": "terapia cognitivo-conductual", "emdr": "EMDR", "somatic": "terapia somática",
            "narrative": "terapia narrativa",
            "culturally-adapted": "terapia adaptada a la cultura",
            "faith-integrated": "terapia que integra la fe",
        },
        ctypes={
            "peer-support": "un espacio de apoyo entre pares",
            "support-group": "un grupo de apoyo", "mutual-aid": "una red de ayuda mutua",
            "healing-circle": "un círculo de sanación", "affinity-group": "un grupo de afinidad",
            "warm-line": "una línea de apoyo emocional",
        },
        activity={
            "default": "Nos reunimos para compartir, escucharnos y cuidarnos mutuamente.",
            "warm-line": "Llama para hablar con una persona de la comunidad capacitada para "
                         "escuchar; no necesitas estar en crisis.",
            "mutual-aid": "Compartimos comidas, transporte y cuidado de niños, y estamos "
                          "pendientes unos de otros.",
        },
        cost_free="Es gratuito y no necesitas referencia ni diagnóstico.",
        cost_low="Pedimos una donación simbólica; nadie se queda fuera por no poder pagar.",
    ),
    "zh_hans": Texts(
        clinician=(
            "我是{name}，在{city}执业的心理治疗师。我服务{served}，专长包括{specialties}。"
            "在这里，你可以用自己的语言、按自己的节奏倾诉，不必费力解释自己的文化。",
            "我从事心理治疗已有{years}年，主要服务{served}，常处理的议题包括{specialties}。"
            "提供{modes}咨询。",
        ),
        practice=(
            "{name}是位于{city}的心理健康诊所，团队服务{served}，重点关注{specialties}。"
            "提供{modes}咨询。",
        ),
        community="{name}是{city}面向{served}的{ctype}。{activity}{cost}",
        approach=(
            "我主要运用{approaches}，并根据你的文化、信仰和家庭背景调整治疗方式。"
            "我们会一起设定目标，并经常回顾哪些方法对你有帮助。",
            "我的风格温暖而直接。我运用{approaches}，也重视你的家庭和社区理解疗愈的方式。",
        ),
        practice_approach="我们的团队运用{approaches}，并根据每个家庭的语言、文化和信仰调整服务。",
        community_approach=(
            "由同侪带领，内容保密。主持人是受过同侪支持培训的社区成员；本服务不能替代心理治疗。"
        ),
        demo_note="（示范资料：所有信息均为虚构。）",
        served_generic="来自不同文化背景的个人和家庭",
        modes={"in_person": "面谈", "video": "视频", "phone": "电话"},
        list_sep="、", list_last="和", modes_last="或",
        specialties={
            "anxiety": "焦虑", "depression": "抑郁", "trauma": "创伤", "racial-trauma": "种族创伤",
            "intergenerational-trauma": "代际创伤", "immigration-stress": "移民压力",
            "grief": "哀伤", "substance-use": "物质使用问题",
            "relationships": "亲密关系与家庭关系",
        },
        approaches={
            "cbt": "认知行为疗法", "emdr": "EMDR", "somatic": "躯体疗法", "narrative": "叙事疗法",
            "culturally-adapted": "文化适应性治疗", "faith-integrated": "融入信仰的治疗",
        },
        ctypes={
            "peer-support": "同侪支持小组", "support-group": "支持小组", "mutual-aid": "互助网络",
            "healing-circle": "疗愈圈", "affinity-group": "社群联谊小组",
            "warm-line": "情绪支持热线",
        },
        activity={
            "default": "我们聚在一起分享经历、彼此倾听、互相照顾。",
            "warm-line": "来电即可与受过倾听训练的社区成员交谈，不一定要处于危机中。",
            "mutual-aid": "邻里之间互相帮忙接送、送餐、照看孩子，也彼此关心近况。",
        },
        cost_free="免费参加，无需转介或诊断。",
        cost_low="只收象征性费用，不会因付不起而拒绝任何人。",
        cities={
            "New York": "纽约", "Brooklyn": "布鲁克林", "Bronx": "布朗克斯", "Flushing": "法拉盛",
            "Elmhurst": "艾姆赫斯特", "Los Angeles": "洛杉矶", "Monterey Park": "蒙特利公园",
            "Alhambra": "阿罕布拉", "San Gabriel": "圣盖博", "San Francisco": "旧金山",
            "Oakland": "奥克兰", "San Jose": "圣何塞", "Daly City": "戴利城",
            "Fremont": "弗里蒙特", "Chicago": "芝加哥", "Houston": "休斯顿", "Seattle": "西雅图",
            "Philadelphia": "费城", "Honolulu": "檀香山", "Irvine": "尔湾",
            "Atlanta": "亚特兰大", "Washington": "华盛顿", "Saint Paul": "圣保罗",
            "Minneapolis": "明尼阿波利斯", "Detroit": "底特律", "Albuquerque": "阿尔伯克基",
            "Phoenix": "凤凰城", "Miami": "迈阿密", "Westminster": "西敏市",
            "Garden Grove": "园林市", "Fountain Valley": "芳泉谷", "Santa Ana": "圣安娜",
            "Anaheim": "安纳海姆", "Long Beach": "长滩",
        },
    ),
    "zh_hant": Texts(
        clinician=(
            "我是{name}，在{city}執業的心理治療師。我服務{served}，專長包括{specialties}。"
            "在這裡，你可以用自己的語言、按自己的步調傾訴，不必費力解釋自己的文化。",
            "我從事心理治療已有{years}年，主要服務{served}，常處理的議題包括{specialties}。"
            "提供{modes}諮詢。",
        ),
        practice=(
            "{name}是位於{city}的心理健康診所，團隊服務{served}，重點關注{specialties}。"
            "提供{modes}諮詢。",
        ),
        community="{name}是{city}為{served}而設的{ctype}。{activity}{cost}",
        approach=(
            "我主要運用{approaches}，並根據你的文化、信仰和家庭背景調整治療方式。"
            "我們會一起設定目標，並經常回顧哪些方法對你有幫助。",
            "我的風格溫暖而直接。我運用{approaches}，也重視你的家庭和社群理解療癒的方式。",
        ),
        practice_approach="我們的團隊運用{approaches}，並根據每個家庭的語言、文化和信仰調整服務。",
        community_approach=(
            "由同儕帶領，內容保密。主持人是受過同儕支持培訓的社區成員；本服務不能取代心理治療。"
        ),
        demo_note="（示範資料：所有資訊均為虛構。）",
        served_generic="來自不同文化背景的個人和家庭",
        modes={"in_person": "面談", "video": "視訊", "phone": "電話"},
        list_sep="、", list_last="和", modes_last="或",
        specialties={
            "anxiety": "焦慮", "depression": "憂鬱", "trauma": "創傷", "racial-trauma": "種族創傷",
            "intergenerational-trauma": "代際創傷", "immigration-stress": "移民壓力",
            "grief": "哀傷", "substance-use": "物質使用問題",
            "relationships": "親密關係與家庭關係",
        },
        approaches={
            "cbt": "認知行為治療", "emdr": "EMDR", "somatic": "身體取向治療",
            "narrative": "敘事治療", "culturally-adapted": "文化調適治療",
            "faith-integrated": "融入信仰的治療",
        },
        ctypes={
            "peer-support": "同儕支持小組", "support-group": "支持小組", "mutual-aid": "互助網絡",
            "healing-circle": "療癒圈", "affinity-group": "社群聯誼小組",
            "warm-line": "情緒支持熱線",
        },
        activity={
            "default": "我們聚在一起分享經歷、彼此傾聽、互相照顧。",
            "warm-line": "來電即可與受過傾聽訓練的社區成員交談，不一定要處於危機中。",
            "mutual-aid": "鄰里之間互相幫忙接送、送餐、照顧孩子，也彼此關心近況。",
        },
        cost_free="免費參加，無需轉介或診斷。",
        cost_low="只收象徵性費用，不會因無力付費而拒絕任何人。",
        cities={
            "New York": "紐約", "Brooklyn": "布魯克林", "Bronx": "布朗克斯", "Flushing": "法拉盛",
            "Elmhurst": "艾姆赫斯特", "Los Angeles": "洛杉磯", "Monterey Park": "蒙特利公園",
            "Alhambra": "阿罕布拉", "San Gabriel": "聖蓋博", "San Francisco": "舊金山",
            "Oakland": "奧克蘭", "San Jose": "聖荷西", "Daly City": "戴利城",
            "Fremont": "費利蒙", "Chicago": "芝加哥", "Houston": "休士頓", "Seattle": "西雅圖",
            "Philadelphia": "費城", "Honolulu": "檀香山", "Irvine": "爾灣",
            "Atlanta": "亞特蘭大", "Washington": "華盛頓", "Saint Paul": "聖保羅",
            "Minneapolis": "明尼阿波利斯", "Detroit": "底特律", "Albuquerque": "阿布奎基",
            "Phoenix": "鳳凰城", "Miami": "邁阿密", "Westminster": "西敏市",
            "Garden Grove": "園林市", "Fountain Valley": "芳泉谷", "Santa Ana": "聖塔安那",
            "Anaheim": "安那翰", "Long Beach": "長灘",
        },
    ),
    "vi": Texts(
        clinician=(
            "Tôi là {name}, nhà trị liệu tâm lý tại {city}. Tôi đồng hành cùng {served}, đặc "
            "biệt về {specialties}. Tại đây, bạn có thể nói bằng tiếng mẹ đẻ, theo nhịp của "
            "mình, mà không cần giải thích về văn hóa của mình.",
            "Tôi có {years} năm kinh nghiệm trị liệu, chủ yếu làm việc với {served} về các vấn "
            "đề như {specialties}. Tôi nhận tư vấn {modes}.",
        ),
        practice=(
            "{name} là phòng khám sức khỏe tâm thần tại {city}. Đội ngũ của chúng tôi phục vụ "
            "{served}, tập trung vào {specialties}. Chúng tôi nhận tư vấn {modes}.",
        ),
        community="{name} là {ctype} dành cho {served} tại {city}. {activity} {cost}",
        approach=(
            "Tôi sử dụng {approaches}, đồng thời điều chỉnh cho phù hợp với văn hóa, đức tin và "
            "gia đình của từng người. Chúng ta cùng đặt mục tiêu và thường xuyên xem lại điều "
            "gì đang giúp ích cho bạn.",
            "Cách làm việc của tôi ấm áp và thẳng thắn. Tôi sử dụng {approaches}, và luôn tôn "
            "trọng cách gia đình và cộng đồng của bạn hiểu về sự chữa lành.",
        ),
        practice_approach=(
            "Đội ngũ của chúng tôi sử dụng {approaches}, đồng thời điều chỉnh cách chăm sóc theo "
            "ngôn ngữ, văn hóa và đức tin của từng gia đình."
        ),
        community_approach=(
            "Do chính người trong cộng đồng dẫn dắt và được giữ kín. Người điều phối là thành "
            "viên cộng đồng đã được đào tạo về hỗ trợ đồng đẳng; đây không thay thế cho trị liệu "
            "tâm lý."
        ),
        demo_note="(Hồ sơ minh họa: mọi thông tin đều là hư cấu.)",
        served_generic="các cá nhân và gia đình thuộc nhiều nền văn hóa",
        modes={"in_person": "trực tiếp", "video": "qua video", "phone": "qua điện thoại"},
        list_sep=", ", list_last=" và ", modes_last=" hoặc ",
        specialties={
            "anxiety": "lo âu", "depression": "trầm cảm", "trauma": "sang chấn tâm lý",
            "racial-trauma": "sang chấn do phân biệt chủng tộc",
            "intergenerational-trauma": "sang chấn liên thế hệ",
            "immigration-stress": "căng thẳng khi định cư ở nước mới",
            "grief": "nỗi đau mất mát",
            "substance-use": "sử dụng rượu bia và chất gây nghiện",
            "relationships": "các mối quan hệ",
        },
        approaches={
            "cbt": "liệu pháp nhận thức hành vi", "emdr": "EMDR",
            "somatic": "trị liệu thân thể (somatic)", "narrative": "liệu pháp tự sự",
            "culturally-adapted": "trị liệu phù hợp với văn hóa",
            "faith-integrated": "trị liệu kết hợp đức tin",
        },
        ctypes={
            "peer-support": "nhóm hỗ trợ đồng đẳng", "support-group": "nhóm hỗ trợ",
            "mutual-aid": "mạng lưới tương trợ", "healing-circle": "vòng tròn chữa lành",
            "affinity-group": "nhóm sinh hoạt cộng đồng",
            "warm-line": "đường dây hỗ trợ tinh thần",
        },
        activity={
            "default": "Chúng tôi gặp nhau để chia sẻ, lắng nghe và chăm sóc lẫn nhau.",
            "warm-line": "Hãy gọi để trò chuyện với một người trong cộng đồng đã được đào tạo "
                         "để lắng nghe; bạn không cần phải đang khủng hoảng mới được gọi.",
            "mutual-aid": "Chúng tôi giúp nhau đưa đón, nấu ăn, trông trẻ và thường xuyên hỏi "
                          "han nhau.",
        },
        cost_free="Hoàn toàn miễn phí, không cần giấy giới thiệu hay chẩn đoán.",
        cost_low="Chỉ đóng góp tùy tâm; không ai bị từ chối vì không có khả năng chi trả.",
    ),
    # Korean particles depend on the last syllable, so every `served` phrase ends in 들
    # and the templates attach 과 and 을 to it.
    "ko": Texts(
        clinician=(
            "안녕하세요, {city}에서 활동하는 심리치료사 {name}입니다. {served}과 함께하며, "
            "특히 {specialties} 분야를 전문으로 합니다. 이곳에서는 모국어로, 자신의 속도에 "
            "맞춰, 문화를 일일이 설명하지 않고도 이야기할 수 있습니다.",
            "{years}년째 상담을 하고 있으며, 주로 {served}과 만나 {specialties} 등의 고민을 "
            "함께 다룹니다. {modes} 상담이 가능합니다.",
        ),
        practice=(
            "{city}에 있는 정신건강 클리닉 {name}입니다. 저희는 {served}과 함께하며, "
            "{specialties} 등을 중점적으로 다룹니다. {modes} 상담이 가능합니다.",
        ),
        community="{city}에서 {served}을 위해 운영되는 {ctype}입니다. {activity} {cost}",
        approach=(
            "{approaches} 등의 방법을 바탕으로, 각자의 문화와 신앙, 가족 상황에 맞게 상담을 "
            "진행합니다. 함께 목표를 정하고, 무엇이 도움이 되는지 자주 점검합니다.",
            "따뜻하면서도 솔직한 상담을 지향합니다. {approaches} 등의 방법을 활용하며, 가족과 "
            "공동체가 치유를 이해하는 방식도 소중히 다룹니다.",
        ),
        practice_approach=(
            "저희 팀은 {approaches} 등의 방법을 활용하며, 각 가정의 언어와 문화, 신앙에 맞춰 "
            "상담을 진행합니다."
        ),
        community_approach=(
            "같은 경험을 가진 동료들이 이끌며 비밀이 보장됩니다. 진행자는 동료 지원 교육을 받은 "
            "지역사회 구성원이며, 이 서비스는 심리치료를 대신하지 않습니다."
        ),
        demo_note="(데모용 프로필입니다. 모든 정보는 가상입니다.)",
        served_generic="다양한 문화적 배경을 가진 분들",
        modes={"in_person": "대면", "video": "화상", "phone": "전화"},
        list_sep=", ", list_last=", ", modes_last=", ",
        specialties={
            "anxiety": "불안", "depression": "우울", "trauma": "트라우마",
            "racial-trauma": "인종차별로 인한 상처", "intergenerational-trauma": "세대 간 트라우마",
            "immigration-stress": "이민 생활의 스트레스", "grief": "상실과 애도",
            "substance-use": "약물 및 알코올 문제", "relationships": "관계 문제",
        },
        approaches={
            "cbt": "인지행동치료", "emdr": "EMDR", "somatic": "신체 기반 치료",
            "narrative": "이야기 치료", "culturally-adapted": "문화적으로 맞춘 치료",
            "faith-integrated": "신앙을 통합한 치료",
        },
        ctypes={
            "peer-support": "동료 지원 모임", "support-group": "지지 모임",
            "mutual-aid": "상호부조 네트워크", "healing-circle": "치유 서클",
            "affinity-group": "커뮤니티 모임", "warm-line": "정서 지원 전화",
        },
        activity={
            "default": "함께 모여 이야기를 나누고, 서로의 말에 귀 기울이며 서로를 돌봅니다.",
            "warm-line": "경청 교육을 받은 지역사회 동료와 전화로 이야기할 수 있습니다. 위기 "
                         "상황이 아니어도 괜찮습니다.",
            "mutual-aid": "이웃끼리 차량, 식사, 아이 돌봄을 나누고 서로의 안부를 챙깁니다.",
        },
        cost_free="참여는 무료이며 의뢰서나 진단이 필요하지 않습니다.",
        cost_low="적은 참가비만 받으며, 비용 때문에 참여하지 못하는 분은 없습니다.",
        cities={
            "New York": "뉴욕", "Flushing": "플러싱", "Brooklyn": "브루클린", "Bronx": "브롱크스",
            "Elmhurst": "엘름허스트", "Los Angeles": "로스앤젤레스", "Chicago": "시카고",
            "Houston": "휴스턴", "San Francisco": "샌프란시스코", "San Jose": "산호세",
            "Oakland": "오클랜드", "Seattle": "시애틀", "Atlanta": "애틀랜타", "Duluth": "둘루스",
            "Garden Grove": "가든그로브", "Irvine": "어바인", "Annandale": "애넌데일",
            "Falls Church": "폴스처치", "Honolulu": "호놀룰루", "Philadelphia": "필라델피아",
            "Washington": "워싱턴",
        },
    ),
    "tl": Texts(
        clinician=(
            "Ako si {name}, isang therapist sa {city}. Sinasamahan ko ang {served}, lalo na sa "
            "usapin ng {specialties}. Dito, puwede kang magsalita sa sarili mong wika at sa "
            "sarili mong bilis, nang hindi na kailangang ipaliwanag ang iyong kultura.",
            "{years} taon na akong nagtatrabaho bilang therapist, at karamihan sa mga kliyente "
            "ko ay {served}. Madalas naming pag-usapan ang {specialties}. Puwede ang sesyon "
            "{modes}.",
        ),
        practice=(
            "Ang {name} ay isang klinika para sa kalusugang pangkaisipan sa {city}. "
            "Naglilingkod kami sa {served}, lalo na sa usapin ng {specialties}. Puwede ang "
            "sesyon {modes}.",
        ),
        community="Ang {name} ay {ctype} para sa {served} sa {city}. {activity} {cost}",
        approach=(
            "Gumagamit ako ng {approaches}, at iniaangkop ko ito sa kultura, pananampalataya at "
            "pamilya ng bawat tao. Sabay nating itinatakda ang mga layunin at madalas nating "
            "binabalikan kung ano ang nakatutulong.",
            "Mainit at tapat ang paraan ko ng pakikipagtrabaho. Gumagamit ako ng {approaches}, "
            "at may puwang dito para sa paraan ng pag-unawa ng iyong pamilya at komunidad sa "
            "paghilom.",
        ),
        practice_approach=(
            "Gumagamit ang aming team ng {approaches}, at iniaangkop namin ang pangangalaga sa "
            "wika, kultura at pananampalataya ng bawat pamilya."
        ),
        community_approach=(
            "Pinangungunahan ng kapwa at kumpidensyal. Ang mga facilitator ay mga miyembro ng "
            "komunidad na sinanay sa peer support; hindi ito kapalit ng therapy."
        ),
        demo_note="(Halimbawang listahan: kathang-isip lamang ang lahat ng impormasyon dito.)",
        served_generic="mga tao at pamilya mula sa iba't ibang kultura",
        modes={"in_person": "nang harapan", "video": "sa video", "phone": "sa telepono"},
        list_sep=", ", list_last=" at ", modes_last=" o ",
        specialties={
            "anxiety": "pagkabalisa", "depression": "depresyon", "trauma": "trauma",
            "racial-trauma": "trauma dulot ng rasismo",
            "intergenerational-trauma": "trauma na minana sa mga nakaraang henerasyon",
            "immigration-stress": "stress ng pandarayuhan", "grief": "pagdadalamhati",
            "substance-use": "paggamit ng alak at droga", "relationships": "mga relasyon",
        },
        approaches={
            "cbt": "cognitive behavioral therapy (CBT)", "emdr": "EMDR",
            "somatic": "somatic therapy", "narrative": "narrative therapy",
            "culturally-adapted": "terapiyang angkop sa kultura",
            "faith-integrated": "terapiyang may kasamang pananampalataya",
        },
        ctypes={
            "peer-support": "isang grupo ng peer support", "support-group": "isang support group",
            "mutual-aid": "isang samahan ng pagtutulungan",
            "healing-circle": "isang bilog ng paghilom", "affinity-group": "isang affinity group",
            "warm-line": "isang linya ng suportang emosyonal",
        },
        activity={
            "default": "Nagkikita kami para magbahagi, makinig at magmalasakit sa isa't isa.",
            "warm-line": "Tumawag para makausap ang isang kapwa mula sa komunidad na sinanay "
                         "makinig; hindi mo kailangang nasa krisis.",
            "mutual-aid": "Nagtutulungan kami sa sasakyan, pagkain at pag-aalaga ng mga bata, "
                          "at kinukumusta namin ang isa't isa.",
        },
        cost_free="Libre ito at hindi kailangan ng referral o diagnosis.",
        cost_low="Maliit na kontribusyon lamang; walang tatanggihan dahil sa kakulangan sa pera.",
    ),
    # Arabic lists attach و ("and") to each following item: القلق والاكتئاب.
    "ar": Texts(
        clinician=(
            "أنا {name}، أقدّم العلاج النفسي في {city}. أرافق {served}، وأركّز على "
            "{specialties}. هنا يمكنك أن تتحدث بلغتك وعلى طريقتك، دون أن تضطر إلى شرح ثقافتك.",
            "أعمل في مجال العلاج النفسي منذ سنوات، وأغلب من أرافقهم من {served}. من المواضيع "
            "التي نعمل عليها كثيرًا: {specialties}. الجلسات متاحة {modes}.",
        ),
        practice=(
            "{name} عيادة للصحة النفسية في {city}. يخدم فريقنا {served}، ويركّز على "
            "{specialties}. الجلسات متاحة {modes}.",
        ),
        community="{name} {ctype} موجّهة إلى {served} في {city}. {activity} {cost}",
        approach=(
            "أعتمد على {approaches}، وأكيّف الجلسات بما يناسب ثقافة كل شخص وإيمانه وعائلته. "
            "نضع الأهداف معًا ونراجع باستمرار ما الذي يساعدك.",
            "أسلوبي دافئ وصريح. أستخدم {approaches}، وأحترم الطريقة التي تفهم بها عائلتك "
            "ومجتمعك معنى الشفاء.",
        ),
        practice_approach=(
            "يعتمد فريقنا على {approaches}، ونكيّف الرعاية بما يناسب لغة كل عائلة وثقافتها "
            "وإيمانها."
        ),
        community_approach=(
            "يقوده أقران مع الحفاظ التام على السرية. الميسّرون من أبناء المجتمع ومدرَّبون على "
            "دعم الأقران، وهذه الخدمة لا تغني عن العلاج النفسي."
        ),
        demo_note="(هذه بطاقة تجريبية: جميع المعلومات فيها خيالية.)",
        served_generic="الأفراد والعائلات من خلفيات ثقافية متنوعة",
        modes={"in_person": "حضوريًا", "video": "عبر الفيديو", "phone": "عبر الهاتف"},
        list_sep=" و", list_last=" و", modes_last=" أو ",
        specialties={
            "anxiety": "القلق", "depression": "الاكتئاب", "trauma": "الصدمات النفسية",
            "racial-trauma": "صدمات العنصرية",
            "intergenerational-trauma": "الصدمات المتوارثة عبر الأجيال",
            "immigration-stress": "ضغوط الهجرة", "grief": "الحزن والفقد",
            "substance-use": "تعاطي المخدرات والكحول", "relationships": "مشكلات العلاقات",
        },
        approaches={
            "cbt": "العلاج المعرفي السلوكي", "emdr": "علاج EMDR", "somatic": "العلاج الجسدي",
            "narrative": "العلاج السردي", "culturally-adapted": "العلاج المكيَّف ثقافيًا",
            "faith-integrated": "العلاج الذي يدمج الإيمان",
        },
        ctypes={
            "peer-support": "مجموعة لدعم الأقران", "support-group": "مجموعة دعم",
            "mutual-aid": "شبكة للتكافل والمساعدة المتبادلة", "healing-circle": "حلقة للتعافي",
            "affinity-group": "مجموعة انتماء", "warm-line": "خدمة هاتفية للدعم النفسي",
        },
        activity={
            "default": "نلتقي لنتشارك التجارب ونصغي لبعضنا ونعتني ببعضنا.",
            "warm-line": "اتصل لتتحدث مع شخص من المجتمع مدرَّب على الإصغاء، ولا يلزم أن تكون "
                         "في أزمة.",
            "mutual-aid": "نتبادل المساعدة في التنقل والطعام ورعاية الأطفال، ونطمئن على بعضنا "
                          "باستمرار.",
        },
        cost_free="المشاركة مجانية ولا تحتاج إلى إحالة أو تشخيص.",
        cost_low="نطلب مساهمة رمزية فقط، ولا يُرَدّ أحد لعدم قدرته على الدفع.",
        cities={
            "Dearborn": "ديربورن", "Detroit": "ديترويت", "Hamtramck": "هامترامك",
            "Anaheim": "أنهايم", "Chicago": "شيكاغو", "Houston": "هيوستن",
            "New York": "نيويورك", "Brooklyn": "بروكلين", "Philadelphia": "فيلادلفيا",
            "Minneapolis": "مينيابوليس", "Los Angeles": "لوس أنجلوس", "Washington": "واشنطن",
            "Phoenix": "فينيكس", "Seattle": "سياتل", "Atlanta": "أتلانتا",
            "Clarkston": "كلاركستون", "Miami": "ميامي", "San Francisco": "سان فرانسيسكو",
            "San Jose": "سان خوسيه", "Oakland": "أوكلاند", "Arlington": "أرلينغتون",
            "Falls Church": "فولز تشيرش", "Irvine": "إرفاين", "Saint Paul": "سانت بول",
            "Honolulu": "هونولولو", "Albuquerque": "ألباكركي", "Tempe": "تيمبي",
        },
    ),
    "ht": Texts(
        clinician=(
            "Mwen se {name}, terapis nan {city}. Mwen akonpaye {served}, sitou pou "
            "{specialties}. Isit la, ou ka pale nan lang ou, nan ritm pa w, san ou pa bezwen "
            "esplike kilti ou.",
            "Sa fè {years} an depi m ap travay kòm terapis, sitou ak {served}. Nou travay sou "
            "kesyon tankou {specialties}. Mwen bay konsiltasyon {modes}.",
        ),
        practice=(
            "{name} se yon klinik sante mantal nan {city}. Ekip nou an sèvi {served}, sitou "
            "pou {specialties}. Nou bay konsiltasyon {modes}.",
        ),
        community="{name} se {ctype} pou {served} nan {city}. {activity} {cost}",
        approach=(
            "Mwen sèvi ak {approaches}, e mwen adapte yo selon kilti, lafwa ak fanmi chak moun. "
            "Nou fikse objektif ansanm epi nou toujou gade sa k ap ede w.",
            "Fason m travay la cho e dirèk. Mwen sèvi ak {approaches}, e gen plas pou fason "
            "fanmi w ak kominote w konprann gerizon.",
        ),
        practice_approach=(
            "Ekip nou an sèvi ak {approaches}, e nou adapte swen an selon lang, kilti ak lafwa "
            "chak fanmi."
        ),
        community_approach=(
            "Se kanmarad ki dirije l, e tout sa ki di rete konfidansyèl. Moun k ap anime yo se "
            "manm kominote a ki resevwa fòmasyon nan sipò ant kanmarad; sa pa ranplase terapi."
        ),
        demo_note="(Fich demonstrasyon: tout enfòmasyon isit la se fiksyon.)",
        served_generic="moun ak fanmi ki soti nan tout kalite kilti",
        modes={"in_person": "an pèsòn", "video": "pa videyo", "phone": "pa telefòn"},
        list_sep=", ", list_last=" ak ", modes_last=" oswa ",
        specialties={
            "anxiety": "enkyetid", "depression": "depresyon", "trauma": "twomatis",
            "racial-trauma": "twomatis rasis",
            "intergenerational-trauma": "twomatis ki pase de jenerasyon an jenerasyon",
            "immigration-stress": "estrès imigrasyon", "grief": "lapenn ak dèy",
            "substance-use": "pwoblèm alkòl ak dwòg", "relationships": "relasyon",
        },
        approaches={
            "cbt": "terapi kognitif ak konpòtmantal", "emdr": "EMDR",
            "somatic": "terapi somatik", "narrative": "terapi naratif",
            "culturally-adapted": "terapi ki adapte ak kilti",
            "faith-integrated": "terapi ki mache ak lafwa",
        },
        ctypes={
            "peer-support": "yon gwoup sipò ant kanmarad", "support-group": "yon gwoup sipò",
            "mutual-aid": "yon rezo kout men", "healing-circle": "yon sèk gerizon",
            "affinity-group": "yon gwoup afinite",
            "warm-line": "yon liy telefòn pou sipò emosyonèl",
        },
        activity={
            "default": "Nou rankontre pou nou pataje, koute youn lòt epi pran swen youn lòt.",
            "warm-line": "Rele pou w pale ak yon moun nan kominote a ki resevwa fòmasyon pou "
                         "koute; ou pa bezwen nan kriz pou w rele.",
            "mutual-aid": "Nou ede youn lòt ak transpò, manje ak gadri timoun, epi nou toujou "
                          "pran nouvèl youn lòt.",
        },
        cost_free="Li gratis, ou pa bezwen referans ni dyagnostik.",
        cost_low="Se yon ti kontribisyon sèlman; nou pa janm voye pèsonn ale paske yo pa ka peye.",
    ),
}

# The interface language a provider who speaks a language can write their texts in.
TEXT_LANGUAGE_FOR = {
    "es": "es", "yue": "zh_hant", "cmn": "zh_hans", "zh": "zh_hans", "vi": "vi", "ko": "ko",
    "tl": "tl", "ar": "ar", "ht": "ht",
}
# fmt: on


# Crisis and warm lines: real, national, public --------------------------------


@dataclass(frozen=True)
class CrisisLine:
    slug: str
    name: str
    phone: str
    website: str
    about: dict[str, str]
    video: bool = False
    community_type: str = ""
    speaks: tuple[str, ...] = ("en",)
    interpreter: tuple[str, ...] = ()
    identifies_as: tuple[str, ...] = ()
    experienced_with: tuple[str, ...] = ()
    specialties: tuple[str, ...] = ()
    ages: tuple[str, ...] = ("children", "teens", "adults", "older-adults")


# Languages the big lines reach through telephone interpreters.
_INTERPRETED = ("zh", "yue", "cmn", "vi", "ko", "tl", "ar", "ht", "fr", "ru", "so", "hmn")

CRISIS_LINES: tuple[CrisisLine, ...] = (
    CrisisLine(
        slug="988-suicide-and-crisis-lifeline",
        name="988 Suicide & Crisis Lifeline",
        phone="988",
        website="https://988lifeline.org",
        about={
            "en": "Free, confidential support for anyone in suicidal crisis or emotional "
            "distress, 24 hours a day, 7 days a week. Call or text 988, or chat at "
            "988lifeline.org. Press 1 for the Veterans Crisis Line or 2 for Spanish. Deaf and "
            "hard of hearing people who use ASL can connect by videophone, and interpreters are "
            "available on calls in many other languages.",
            "es": "Apoyo gratuito y confidencial para cualquier persona con pensamientos "
            "suicidas o angustia emocional, las 24 horas, todos los días. Llama o envía un "
            "mensaje de texto al 988, o chatea en 988lifeline.org. Marca 2 para hablar en "
            "español.",
        },
        video=True,
        speaks=("en", "es", "ase"),
        interpreter=_INTERPRETED,
        specialties=("suicidal-thoughts", "self-harm", "depression", "anxiety"),
    ),
    CrisisLine(
        slug="crisis-text-line",
        name="Crisis Text Line",
        phone="741741",
        website="https://www.crisistextline.org",
        about={
            "en": "Free, confidential support by text message, 24/7. Text HOME to 741741 to "
            "reach a trained volunteer Crisis Counselor. In Spanish, text AYUDA to 741741 or "
            "send a WhatsApp message to 442-AYUDAME.",
            "es": "Apoyo gratuito y confidencial por mensaje de texto, las 24 horas. Envía "
            "AYUDA al 741741 o escribe por WhatsApp al 442-AYUDAME para hablar en español con "
            "una persona voluntaria capacitada.",
        },
        speaks=("en", "es"),
        specialties=("suicidal-thoughts", "self-harm", "anxiety", "depression"),
    ),
    CrisisLine(
        slug="trans-lifeline",
        name="Trans Lifeline",
        phone="877-565-8860",
        website="https://translifeline.org",
        about={
            "en": "A peer support hotline run by and for trans people. Call (877) 565-8860 to "
            "talk with a trans operator, even if you are not in crisis or are still "
            "questioning your gender. Calls are anonymous and confidential, and operators do "
            "not call emergency services without your consent. Press 2 for Spanish.",
            "es": "Línea de apoyo entre pares dirigida por personas trans para personas trans o "
            "que cuestionan su género. Llama al (877) 565-8860 y oprime 2 para hablar en "
            "español. Es anónima y confidencial, y no se llama a servicios de emergencia sin tu "
            "consentimiento.",
        },
        speaks=("en", "es"),
        identifies_as=("transgender",),
        experienced_with=("transgender", "nonbinary"),
        specialties=("gender-affirming-care", "suicidal-thoughts"),
        ages=("teens", "adults", "older-adults"),
    ),
    CrisisLine(
        slug="the-trevor-project",
        name="The Trevor Project",
        phone="1-866-488-7386",
        website="https://www.thetrevorproject.org",
        about={
            "en": "Free, confidential crisis support for LGBTQ+ young people under 25, 24/7. "
            "Call 1-866-488-7386, text START to 678-678, or chat at thetrevorproject.org.",
        },
        experienced_with=("lgbtq", "transgender", "nonbinary"),
        specialties=("suicidal-thoughts", "coming-out"),
        ages=("teens", "adults"),
    ),
    CrisisLine(
        slug="stronghearts-native-helpline",
        name="StrongHearts Native Helpline",
        phone="1-844-762-8483",
        website="https://strongheartshelpline.org",
        about={
            "en": "A free, anonymous and confidential helpline for Native Americans and Alaska "
            "Natives affected by domestic, dating and sexual violence, and for their family "
            "and friends. Call or text 1-844-762-8483 (1-844-7NATIVE), or chat at "
            "strongheartshelpline.org, 24/7, to reach a Native advocate.",
        },
        identifies_as=("indigenous",),
        experienced_with=("indigenous",),
        specialties=("domestic-violence", "sexual-assault", "trauma"),
        ages=("teens", "adults", "older-adults"),
    ),
    CrisisLine(
        slug="samhsa-national-helpline",
        name="SAMHSA National Helpline",
        phone="1-800-662-4357",
        website="https://www.samhsa.gov/find-help/national-helpline",
        about={
            "en": "Free, confidential treatment referral and information for people and "
            "families facing mental health or substance use conditions, 24 hours a day, 365 "
            "days a year, in English and Spanish. Call 1-800-662-HELP (4357); TTY "
            "1-800-487-4889.",
            "es": "Servicio gratuito y confidencial de información y referencias a tratamiento "
            "para personas y familias que enfrentan problemas de salud mental o de consumo de "
            "sustancias, las 24 horas, los 365 días del año, en inglés y en español. Llama al "
            "1-800-662-4357.",
        },
        speaks=("en", "es"),
        specialties=("substance-use",),
    ),
    CrisisLine(
        slug="blackline",
        name="BlackLine",
        phone="1-800-604-5841",
        website="https://www.callblackline.com",
        about={
            "en": "A hotline offering peer support, counseling and witnessing, centering Black, "
            "Black LGBTQI, Brown, Native and Muslim communities. Call 1-800-604-5841.",
        },
        experienced_with=("black", "lgbtq", "indigenous", "muslim"),
        specialties=("racial-trauma", "discrimination"),
        ages=("teens", "adults", "older-adults"),
    ),
    CrisisLine(
        slug="nami-helpline",
        name="NAMI HelpLine",
        phone="1-800-950-6264",
        website="https://www.nami.org/help",
        community_type="warm-line",
        about={
            "en": "A free, nationwide peer-support service offering information, resource "
            "referrals and support to people living with mental health conditions, their "
            'families and caregivers. Call 1-800-950-NAMI (6264) or text "helpline" to '
            "62640, Monday to Friday, 10 a.m. to 10 p.m. Eastern. In a crisis, call or text "
            "988.",
        },
        specialties=("caregiver-stress",),
        ages=("teens", "adults", "older-adults"),
    ),
    CrisisLine(
        slug="veterans-crisis-line",
        name="Veterans Crisis Line",
        phone="988",
        website="https://www.veteranscrisisline.net",
        about={
            "en": "Free, confidential support for Veterans, service members and the people who "
            "care about them, 24/7. Dial 988 and press 1, text 838255, or chat at "
            "veteranscrisisline.net. You don't need to be enrolled in VA benefits or health "
            "care to connect.",
        },
        specialties=("ptsd", "suicidal-thoughts"),
        ages=("adults", "older-adults"),
    ),
    CrisisLine(
        slug="disaster-distress-helpline",
        name="Disaster Distress Helpline",
        phone="1-800-985-5990",
        website="https://www.samhsa.gov/find-help/disaster-distress-helpline",
        about={
            "en": "Free, confidential crisis counseling and emotional support, 24/7, for anyone "
            "in the U.S. and its territories experiencing distress related to a natural or "
            "human-caused disaster. Call or text 1-800-985-5990; press 2 for Spanish. ASL "
            "users can connect by videophone, and interpreters are available in many other "
            "languages.",
            "es": "Consejería de crisis y apoyo emocional gratuitos y confidenciales, las 24 "
            "horas, para cualquier persona en Estados Unidos y sus territorios afectada por un "
            "desastre natural o causado por el ser humano. Llama o envía un mensaje de texto "
            "al 1-800-985-5990 y oprime 2 para español.",
        },
        video=True,
        speaks=("en", "es", "ase"),
        interpreter=_INTERPRETED,
        specialties=("trauma", "grief", "anxiety", "stress"),
    ),
    CrisisLine(
        slug="national-domestic-violence-hotline",
        name="National Domestic Violence Hotline",
        phone="1-800-799-7233",
        website="https://www.thehotline.org",
        about={
            "en": "Free, confidential support 24/7 for anyone affected by relationship abuse, "
            "and for people worried about someone else. Call 1-800-799-SAFE (7233), text "
            "START to 88788, or chat at thehotline.org.",
            "es": "Apoyo gratuito y confidencial las 24 horas para cualquier persona afectada "
            "por el abuso en una relación. Llama al 1-800-799-7233; hablamos español.",
        },
        speaks=("en", "es"),
        specialties=("domestic-violence", "trauma"),
        ages=("teens", "adults", "older-adults"),
    ),
    CrisisLine(
        slug="rainn-national-sexual-assault-hotline",
        name="RAINN National Sexual Assault Hotline",
        phone="1-800-656-4673",
        website="https://rainn.org",
        about={
            "en": "Free, confidential support 24/7 for survivors of sexual violence and the "
            "people who care about them. Call 1-800-656-HOPE (4673) to be connected with a "
            "trained staff member from a local sexual assault service provider, or chat "
            "online at rainn.org.",
        },
        specialties=("sexual-assault", "trauma"),
        ages=("teens", "adults", "older-adults"),
    ),
)


def neighbourhood_languages() -> Iterator[tuple[str, list[tuple[tuple[str, ...], float]]]]:
    """Each demo ZIP code with the languages of the communities found there, and their
    shares: the editor's likely languages (providers/language_form.py)."""
    for metro in METROS:
        for place in metro.zips:
            community_languages = [
                language
                for key in place.communities
                if key in COMMUNITIES
                for language in COMMUNITIES[key].languages
            ]
            yield place.code, community_languages
