package onet

// socMajorGroups are the titles of the 23 major groups of the 2018 Standard Occupational
// Classification (U.S. Bureau of Labor Statistics, "2018 SOC User Guide", Table 1: SOC major
// groups), keyed by the first two digits of an O*NET-SOC code. O*NET 29.3 ships no file with
// them: Occupation Data.txt holds detailed occupations only, no "XX-0000" rows.
var socMajorGroups = map[string]string{
	"11": "Management Occupations",
	"13": "Business and Financial Operations Occupations",
	"15": "Computer and Mathematical Occupations",
	"17": "Architecture and Engineering Occupations",
	"19": "Life, Physical, and Social Science Occupations",
	"21": "Community and Social Service Occupations",
	"23": "Legal Occupations",
	"25": "Educational Instruction and Library Occupations",
	"27": "Arts, Design, Entertainment, Sports, and Media Occupations",
	"29": "Healthcare Practitioners and Technical Occupations",
	"31": "Healthcare Support Occupations",
	"33": "Protective Service Occupations",
	"35": "Food Preparation and Serving Related Occupations",
	"37": "Building and Grounds Cleaning and Maintenance Occupations",
	"39": "Personal Care and Service Occupations",
	"41": "Sales and Related Occupations",
	"43": "Office and Administrative Support Occupations",
	"45": "Farming, Fishing, and Forestry Occupations",
	"47": "Construction and Extraction Occupations",
	"49": "Installation, Maintenance, and Repair Occupations",
	"51": "Production Occupations",
	"53": "Transportation and Material Moving Occupations",
	"55": "Military Specific Occupations",
}

// Sector returns the SOC major group title of an O*NET-SOC code ("15-1254.00" → "Computer and
// Mathematical Occupations"), or "" when the code's first two digits name no major group.
func Sector(code string) string {
	if len(code) < 2 {
		return ""
	}
	return socMajorGroups[code[:2]]
}

// validCode reports whether code has the O*NET-SOC form "NN-NNNN.NN".
func validCode(code string) bool {
	if len(code) != 10 || code[2] != '-' || code[7] != '.' {
		return false
	}
	for i := 0; i < len(code); i++ {
		if i == 2 || i == 7 {
			continue
		}
		if code[i] < '0' || code[i] > '9' {
			return false
		}
	}
	return true
}
