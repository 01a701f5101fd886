"""Build ``models/agencies.json``: U.S. federal agencies, sub-agencies and acronyms.

Usage: python scripts/build_agencies.py

The list is typed in by hand from public knowledge of the USA.gov "A-Z Index
of U.S. Government Departments and Agencies" and the Federal Register agency
list (federalregister.gov/agencies). Each row: canonical name, acronyms,
parent (canonical name or None), extra name variants. The output is sorted and
stable, so re-running the script gives the same file.
"""
from __future__ import annotations

import json
from pathlib import Path

D = None
ROWS: list[tuple[str, list[str], str | None, list[str]]] = [
    # Executive departments
    ("Department of Agriculture", ["USDA"], D, ["Agriculture Department"]),
    ("Department of Commerce", ["DOC"], D, ["Commerce Department"]),
    ("Department of Defense", ["DOD", "DoD"], D, ["Defense Department", "Pentagon", "Department of War"]),
    ("Department of Education", ["ED"], D, ["Education Department"]),
    ("Department of Energy", ["DOE"], D, ["Energy Department"]),
    ("Department of Health and Human Services", ["HHS"], D, ["Health and Human Services"]),
    ("Department of Homeland Security", ["DHS"], D, ["Homeland Security", "Homeland Security Department"]),
    ("Department of Housing and Urban Development", ["HUD"], D, ["Housing and Urban Development"]),
    ("Department of the Interior", ["DOI"], D, ["Interior Department", "Department of Interior"]),
    ("Department of Justice", ["DOJ", "USDOJ"], D, ["Justice Department"]),
    ("Department of Labor", ["DOL"], D, ["Labor Department"]),
    ("Department of State", [], D, ["State Department"]),
    ("Department of Transportation", ["DOT"], D, ["Transportation Department"]),
    ("Department of the Treasury", [], D, ["Treasury Department", "Treasury", "Department of Treasury"]),
    ("Department of Veterans Affairs", ["VA"], D, ["Veterans Affairs"]),
    # Justice components
    ("Federal Bureau of Investigation", ["FBI"], "Department of Justice", []),
    ("Drug Enforcement Administration", ["DEA"], "Department of Justice", []),
    ("Bureau of Alcohol, Tobacco, Firearms and Explosives", ["ATF"], "Department of Justice",
     ["Bureau of Alcohol, Tobacco, Firearms, and Explosives"]),
    ("United States Marshals Service", ["USMS"], "Department of Justice", ["U.S. Marshals Service", "Marshals Service"]),
    ("Federal Bureau of Prisons", ["BOP"], "Department of Justice", ["Bureau of Prisons"]),
    ("Executive Office for United States Attorneys", ["EOUSA"], "Department of Justice", []),
    ("Office of the Inspector General", ["OIG"], D, ["Office of Inspector General"]),
    ("Civil Division", [], "Department of Justice", []),
    ("Criminal Division", [], "Department of Justice", []),
    ("Tax Division", [], "Department of Justice", []),
    ("Antitrust Division", [], "Department of Justice", []),
    ("Civil Rights Division", [], "Department of Justice", []),
    ("National Security Division", ["NSD"], "Department of Justice", []),
    ("Environment and Natural Resources Division", ["ENRD"], "Department of Justice", []),
    ("Office of Special Counsel", ["OSC"], D, ["Special Counsel's Office"]),
    ("Organized Crime Drug Enforcement Task Forces", ["OCDETF"], "Department of Justice", []),
    ("Executive Office for Immigration Review", ["EOIR"], "Department of Justice", []),
    ("Office of Justice Programs", ["OJP"], "Department of Justice", []),
    # Homeland Security components
    ("Immigration and Customs Enforcement", ["ICE"], "Department of Homeland Security",
     ["U.S. Immigration and Customs Enforcement"]),
    ("Homeland Security Investigations", ["HSI"], "Department of Homeland Security", []),
    ("Customs and Border Protection", ["CBP"], "Department of Homeland Security", ["U.S. Customs and Border Protection"]),
    ("Citizenship and Immigration Services", ["USCIS"], "Department of Homeland Security",
     ["U.S. Citizenship and Immigration Services"]),
    ("Transportation Security Administration", ["TSA"], "Department of Homeland Security", []),
    ("Federal Emergency Management Agency", ["FEMA"], "Department of Homeland Security", []),
    ("United States Secret Service", ["USSS"], "Department of Homeland Security", ["U.S. Secret Service", "Secret Service"]),
    ("United States Coast Guard", ["USCG"], "Department of Homeland Security", ["U.S. Coast Guard", "Coast Guard"]),
    ("Cybersecurity and Infrastructure Security Agency", ["CISA"], "Department of Homeland Security", []),
    # Treasury components
    ("Internal Revenue Service", ["IRS"], "Department of the Treasury", []),
    ("IRS Criminal Investigation", ["IRS-CI"], "Internal Revenue Service", ["IRS-Criminal Investigation"]),
    ("Financial Crimes Enforcement Network", ["FinCEN"], "Department of the Treasury", []),
    ("Office of Foreign Assets Control", ["OFAC"], "Department of the Treasury", []),
    ("Office of the Comptroller of the Currency", ["OCC"], "Department of the Treasury", []),
    ("Bureau of the Fiscal Service", [], "Department of the Treasury", []),
    ("United States Mint", [], "Department of the Treasury", ["U.S. Mint"]),
    ("Treasury Inspector General for Tax Administration", ["TIGTA"], "Department of the Treasury", []),
    # Health and Human Services components
    ("Food and Drug Administration", ["FDA"], "Department of Health and Human Services", []),
    ("Centers for Disease Control and Prevention", ["CDC"], "Department of Health and Human Services", []),
    ("Centers for Medicare & Medicaid Services", ["CMS"], "Department of Health and Human Services",
     ["Centers for Medicare and Medicaid Services"]),
    ("National Institutes of Health", ["NIH"], "Department of Health and Human Services", []),
    ("Health Resources and Services Administration", ["HRSA"], "Department of Health and Human Services", []),
    ("Indian Health Service", ["IHS"], "Department of Health and Human Services", []),
    ("Substance Abuse and Mental Health Services Administration", ["SAMHSA"], "Department of Health and Human Services", []),
    ("Administration for Children and Families", ["ACF"], "Department of Health and Human Services", []),
    # Labor components
    ("Employee Benefits Security Administration", ["EBSA"], "Department of Labor", []),
    ("Occupational Safety and Health Administration", ["OSHA"], "Department of Labor", []),
    ("Wage and Hour Division", ["WHD"], "Department of Labor", []),
    ("Bureau of Labor Statistics", ["BLS"], "Department of Labor", []),
    ("Mine Safety and Health Administration", ["MSHA"], "Department of Labor", []),
    # Commerce components
    ("United States Patent and Trademark Office", ["USPTO", "PTO"], "Department of Commerce",
     ["U.S. Patent and Trademark Office", "Patent and Trademark Office"]),
    ("Census Bureau", [], "Department of Commerce", ["U.S. Census Bureau", "Bureau of the Census"]),
    ("National Oceanic and Atmospheric Administration", ["NOAA"], "Department of Commerce", []),
    ("National Institute of Standards and Technology", ["NIST"], "Department of Commerce", []),
    ("Bureau of Industry and Security", ["BIS"], "Department of Commerce", []),
    # Interior components
    ("Bureau of Land Management", ["BLM"], "Department of the Interior", []),
    ("National Park Service", ["NPS"], "Department of the Interior", []),
    ("Fish and Wildlife Service", ["FWS", "USFWS"], "Department of the Interior", ["U.S. Fish and Wildlife Service"]),
    ("Bureau of Indian Affairs", ["BIA"], "Department of the Interior", []),
    ("Bureau of Reclamation", [], "Department of the Interior", []),
    ("United States Geological Survey", ["USGS"], "Department of the Interior", ["U.S. Geological Survey"]),
    ("Bureau of Ocean Energy Management", ["BOEM"], "Department of the Interior", []),
    # Agriculture, Transportation, Energy, Defense components
    ("Forest Service", ["USFS"], "Department of Agriculture", ["U.S. Forest Service"]),
    ("Food and Nutrition Service", ["FNS"], "Department of Agriculture", []),
    ("Animal and Plant Health Inspection Service", ["APHIS"], "Department of Agriculture", []),
    ("Food Safety and Inspection Service", ["FSIS"], "Department of Agriculture", []),
    ("Federal Aviation Administration", ["FAA"], "Department of Transportation", []),
    ("National Highway Traffic Safety Administration", ["NHTSA"], "Department of Transportation", []),
    ("Federal Motor Carrier Safety Administration", ["FMCSA"], "Department of Transportation", []),
    ("Federal Railroad Administration", ["FRA"], "Department of Transportation", []),
    ("Federal Highway Administration", ["FHWA"], "Department of Transportation", []),
    ("Pipeline and Hazardous Materials Safety Administration", ["PHMSA"], "Department of Transportation", []),
    ("Federal Energy Regulatory Commission", ["FERC"], "Department of Energy", []),
    ("Department of the Army", [], "Department of Defense", ["U.S. Army", "United States Army", "Army"]),
    ("Department of the Navy", [], "Department of Defense", ["U.S. Navy", "United States Navy", "Navy"]),
    ("Department of the Air Force", [], "Department of Defense", ["U.S. Air Force", "United States Air Force", "Air Force"]),
    ("United States Marine Corps", ["USMC"], "Department of Defense", ["U.S. Marine Corps", "Marine Corps"]),
    ("Army Corps of Engineers", ["USACE"], "Department of Defense", ["U.S. Army Corps of Engineers", "Corps of Engineers"]),
    ("Defense Criminal Investigative Service", ["DCIS"], "Department of Defense", []),
    ("National Security Agency", ["NSA"], "Department of Defense", []),
    ("Defense Logistics Agency", ["DLA"], "Department of Defense", []),
    ("Veterans Benefits Administration", ["VBA"], "Department of Veterans Affairs", []),
    ("Veterans Health Administration", ["VHA"], "Department of Veterans Affairs", []),
    ("Board of Veterans' Appeals", ["BVA"], "Department of Veterans Affairs", ["Board of Veterans Appeals"]),
    ("Bureau of Consular Affairs", [], "Department of State", []),
    ("Federal Student Aid", ["FSA"], "Department of Education", []),
    ("Office for Civil Rights", ["OCR"], D, []),
    # Independent agencies and commissions
    ("Securities and Exchange Commission", ["SEC"], D, ["U.S. Securities and Exchange Commission"]),
    ("Environmental Protection Agency", ["EPA"], D, ["U.S. Environmental Protection Agency"]),
    ("Social Security Administration", ["SSA"], D, []),
    ("Federal Trade Commission", ["FTC"], D, []),
    ("Federal Communications Commission", ["FCC"], D, []),
    ("Commodity Futures Trading Commission", ["CFTC"], D, []),
    ("Consumer Financial Protection Bureau", ["CFPB"], D, ["Bureau of Consumer Financial Protection"]),
    ("Consumer Product Safety Commission", ["CPSC"], D, []),
    ("Equal Employment Opportunity Commission", ["EEOC"], D, []),
    ("National Labor Relations Board", ["NLRB"], D, []),
    ("Federal Deposit Insurance Corporation", ["FDIC"], D, []),
    ("Federal Reserve System", ["FRB"], D, ["Federal Reserve", "Board of Governors of the Federal Reserve System"]),
    ("Federal Election Commission", ["FEC"], D, []),
    ("Federal Housing Finance Agency", ["FHFA"], D, []),
    ("National Credit Union Administration", ["NCUA"], D, []),
    ("Nuclear Regulatory Commission", ["NRC"], D, []),
    ("Office of Personnel Management", ["OPM"], D, []),
    ("Office of Management and Budget", ["OMB"], D, []),
    ("General Services Administration", ["GSA"], D, []),
    ("Small Business Administration", ["SBA"], D, []),
    ("National Aeronautics and Space Administration", ["NASA"], D, []),
    ("National Science Foundation", ["NSF"], D, []),
    ("Central Intelligence Agency", ["CIA"], D, []),
    ("Office of the Director of National Intelligence", ["ODNI"], D, []),
    ("United States Postal Service", ["USPS"], D, ["U.S. Postal Service", "Postal Service"]),
    ("United States Postal Inspection Service", ["USPIS"], "United States Postal Service",
     ["U.S. Postal Inspection Service", "Postal Inspection Service"]),
    ("Merit Systems Protection Board", ["MSPB"], D, []),
    ("Federal Labor Relations Authority", ["FLRA"], D, []),
    ("United States Agency for International Development", ["USAID"], D, ["U.S. Agency for International Development"]),
    ("National Transportation Safety Board", ["NTSB"], D, []),
    ("Pension Benefit Guaranty Corporation", ["PBGC"], D, []),
    ("Export-Import Bank of the United States", ["EXIM"], D, []),
    ("Government Accountability Office", ["GAO"], D, []),
    ("Library of Congress", [], D, []),
    ("Congressional Budget Office", ["CBO"], D, []),
    ("Federal Maritime Commission", ["FMC"], D, []),
    ("Surface Transportation Board", ["STB"], D, []),
    ("United States International Trade Commission", ["USITC", "ITC"], D, ["U.S. International Trade Commission",
                                                                       "International Trade Commission"]),
    ("Office of the United States Trade Representative", ["USTR"], D, []),
    ("Department of Government Efficiency", ["DOGE"], D, []),
    ("Corporation for National and Community Service", ["AmeriCorps"], D, []),
    ("Tennessee Valley Authority", ["TVA"], D, []),
    ("Peace Corps", [], D, []),
    ("National Archives and Records Administration", ["NARA"], D, ["National Archives"]),
    ("Financial Industry Regulatory Authority", ["FINRA"], D, []),
    ("Executive Office of the President", ["EOP"], D, []),
    ("Medicaid Fraud Control Unit", ["MFCU"], D, []),
    ("Congress", [], D, ["United States Congress", "U.S. Congress"]),
]


def build() -> dict:
    """Return the JSON document (``{"_about", "agencies": [...]}``)."""
    agencies = [{"name": n, "acronyms": a, "parent": p, "variants": v} for n, a, p, v in ROWS]
    agencies.sort(key=lambda r: r["name"])
    return {
        "_about": ("U.S. federal agencies, sub-agencies and acronyms, typed by hand from public knowledge of "
                   "the USA.gov A-Z Index of U.S. Government Departments and Agencies and the Federal Register "
                   "agency list (federalregister.gov/agencies). Built by scripts/build_agencies.py."),
        "agencies": agencies,
    }


if __name__ == "__main__":
    out = Path(__file__).resolve().parent.parent / "models" / "agencies.json"
    out.write_text(json.dumps(build(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out} ({len(ROWS)} agencies)")
