package career

import "context"

// MaxPathSteps is the most moves a traversal of the API takes: the highest maxSteps of
// careerPaths and careerProgression. The API refuses more, the cost model counts walks up to it
// (WalkSteps), and the Neo4j store plans its traversal queries up to it.
const MaxPathSteps = 6

// Store is what the GraphQL API reads from. Two backends implement it (store/memory and
// store/neo4j) and must answer every method identically: same nodes, same order, same scores.
//
// Methods named with a plural and taking a slice of IDs are batch lookups that feed per-request
// dataloaders: one call answers many parents, so a query's round trips grow with its depth, not
// with the number of objects it returns. They return a map keyed by the requested IDs; an ID
// with nothing found is absent from the map (or maps to an empty slice).
//
// Orders (the API documents them; both backends follow them):
//   - lists and connections: by SortKey(name), then ID;
//   - a profession's qualities, requirements, tools, trainings, next careers and tasks: dataset order;
//   - previousCareers and specializations: by SortKey(name), then ID;
//   - search hits, matches and similar professions: score descending, then SortKey(name), then ID.
//
// These rules are written once, in this package, and both backends call them: CompareKeys and
// CompareRanked are the orders, CutPage and TrimPage cut pages, NewSkillGap and
// SplitRequirements do the gap and match arithmetic, and ProfessionNotFound, SkillNotFound,
// ToolNotFound and SameProfession are the errors of arguments.
type Store interface {
	// Ping reports whether the store can answer queries.
	Ping(ctx context.Context) error

	// Datasets lists the loaded datasets, by name.
	Datasets(ctx context.Context) ([]DatasetInfo, error)

	// ProfessionsByID, SkillsByID, ToolsByID and TrainingsByID look nodes up by global ID.
	ProfessionsByID(ctx context.Context, ids []string) (map[string]*Profession, error)
	SkillsByID(ctx context.Context, ids []string) (map[string]*Skill, error)
	ToolsByID(ctx context.Context, ids []string) (map[string]*Tool, error)
	TrainingsByID(ctx context.Context, ids []string) (map[string]*Training, error)

	// Qualities returns each profession's personal qualities, in dataset order.
	Qualities(ctx context.Context, professionIDs []string) (map[string][]*Skill, error)
	// Requirements returns each profession's required skills, in dataset order.
	Requirements(ctx context.Context, professionIDs []string) (map[string][]SkillRequirement, error)
	// ToolsOf returns each profession's tools, in dataset order.
	ToolsOf(ctx context.Context, professionIDs []string) (map[string][]*Tool, error)
	// TrainingsOf returns the trainings that prepare for each profession, in dataset order.
	TrainingsOf(ctx context.Context, professionIDs []string) (map[string][]*Training, error)
	// NextCareers returns the moves out of each profession, in dataset order.
	NextCareers(ctx context.Context, professionIDs []string) (map[string][]CareerMove, error)
	// InferredCareers returns the inferred moves out of each profession (each with its
	// Inference), best score first, in the order of ServedInferredMoves.
	InferredCareers(ctx context.Context, professionIDs []string) (map[string][]CareerMove, error)
	// PreviousCareers returns the moves into each profession, by the source's name.
	PreviousCareers(ctx context.Context, professionIDs []string) (map[string][]CareerMove, error)
	// Specializations returns the professions that specialise each profession, by name.
	Specializations(ctx context.Context, professionIDs []string) (map[string][]*Profession, error)

	// ProfessionsLinkedTo returns, for each skill, tool or training ID, one page of the
	// professions that require, use or are prepared by it, ordered by name. Importance filters
	// skill links only.
	ProfessionsLinkedTo(ctx context.Context, targetIDs []string, importance Importance, page PageArgs) (map[string]*Page[*Profession], error)

	// ProfessionByCode finds a profession by dataset and code; nil when none.
	ProfessionByCode(ctx context.Context, dataset, code string) (*Profession, error)
	// ListProfessions, ListSkills, ListTools and ListTrainings page through filtered nodes by name.
	ListProfessions(ctx context.Context, f ProfessionFilter, page PageArgs) (*Page[*Profession], error)
	ListSkills(ctx context.Context, f SkillFilter, page PageArgs) (*Page[*Skill], error)
	ListTools(ctx context.Context, f ToolFilter, page PageArgs) (*Page[*Tool], error)
	ListTrainings(ctx context.Context, f TrainingFilter, page PageArgs) (*Page[*Training], error)

	// Search ranks nodes whose names match text (see textsearch.MatchText).
	Search(ctx context.Context, q SearchQuery) ([]SearchHit, error)

	// CareerPaths returns simple paths (no profession twice) from one profession to another
	// along next-career moves, at most maxSteps moves long: shortest first, then by their steps'
	// (SortKey(name), ID), compared step by step. At most first paths.
	CareerPaths(ctx context.Context, fromID, toID string, maxSteps, first int) ([][]*Profession, error)
	// CareerProgression returns the professions reachable from a profession in 1..maxSteps
	// moves: by distance, then name, then ID; each with the name-wise smallest shortest path.
	CareerProgression(ctx context.Context, fromID string, maxSteps, first int) ([]CareerStep, error)
	// InferredCareerPaths and InferredCareerProgression answer as CareerPaths and
	// CareerProgression, following the inferred moves too, as moves like the others.
	InferredCareerPaths(ctx context.Context, fromID, toID string, maxSteps, first int) ([][]*Profession, error)
	InferredCareerProgression(ctx context.Context, fromID string, maxSteps, first int) ([]CareerStep, error)
	// SkillGap tells what someone in one profession must add to work in another (NewSkillGap).
	SkillGap(ctx context.Context, fromID, toID string) (*SkillGap, error)
	// MatchProfessions ranks the professions linked to the given skills and tools by
	// MatchCounts.Score (RankMatches), with their SkillsUsed and EssentialCoverage
	// (NewProfessionMatch).
	MatchProfessions(ctx context.Context, q MatchQuery) ([]ProfessionMatch, error)
	// SimilarProfessions ranks professions by the Jaccard index of their skill and tool sets.
	SimilarProfessions(ctx context.Context, toID string, first int) ([]ProfessionMatch, error)

	// Equivalents returns each profession's equivalents in other datasets: the links it declares
	// and those declared to it (read reversed, Equivalence.Seen), where the other profession is
	// loaded, in the order of SortEquivalents.
	Equivalents(ctx context.Context, professionIDs []string) (map[string][]Equivalent, error)
	// GroupsByID looks occupation groups up by global ID.
	GroupsByID(ctx context.Context, ids []string) (map[string]*OccupationGroup, error)
	// GroupsOf returns the groups each profession belongs to, narrowest first (CompareGroups).
	GroupsOf(ctx context.Context, professionIDs []string) (map[string][]*OccupationGroup, error)
	// NarrowerGroups returns each group's narrower groups, by name.
	NarrowerGroups(ctx context.Context, groupIDs []string) (map[string][]*OccupationGroup, error)
	// GroupProfessions returns, for each group, one page of the professions in the group or
	// in any of its narrower groups (each once), by name. Unknown IDs are left out.
	GroupProfessions(ctx context.Context, groupIDs []string, page PageArgs) (map[string]*Page[*Profession], error)

	// Stats counts nodes and moves, over everything or over one dataset ("" for all).
	Stats(ctx context.Context, dataset string) (*Stats, error)
	// TopSkills ranks skills by the number of professions requiring them, then name, then ID.
	TopSkills(ctx context.Context, dataset string, first int) ([]SkillUsage, error)

	// Interests returns each profession's Holland interest code; a profession without one is
	// absent.
	Interests(ctx context.Context, professionIDs []string) (map[string]string, error)
	// WorkContexts returns each profession's working conditions, in dataset order.
	WorkContexts(ctx context.Context, professionIDs []string) (map[string][]string, error)
	// Texts returns each profession's or skill's texts in its other languages, by language.
	Texts(ctx context.Context, ids []string) (map[string][]Text, error)
	// MatchInterests ranks the professions that have an interest code by RiasecScore against
	// the query's code (only scores above 0), walking InterestLevels best first; Matched and
	// Missing are empty.
	MatchInterests(ctx context.Context, q InterestQuery) ([]ProfessionMatch, error)
	// SkillFacets returns whether each skill is a group, and its collections.
	SkillFacets(ctx context.Context, skillIDs []string) (map[string]SkillFacets, error)
	// BroaderSkills returns what lies above each skill (BroaderChain): nearest first, then name.
	BroaderSkills(ctx context.Context, skillIDs []string) (map[string][]*Skill, error)
	// NarrowerSkills returns one page of the skills directly under each skill, by name.
	NarrowerSkills(ctx context.Context, skillIDs []string, page PageArgs) (map[string]*Page[*Skill], error)
	// RelatedSkills returns each skill's related skills (CompareRelations order).
	RelatedSkills(ctx context.Context, skillIDs []string) (map[string][]SkillRelation, error)
	// CoRequiredSkills returns, for each skill, the first skills most often required by the
	// same professions (CoRequired, computed at load); first is at most MaxCoRequired.
	CoRequiredSkills(ctx context.Context, skillIDs []string, first int) (map[string][]SkillUsage, error)
}

// Loader is a store that datasets can be loaded into. Loading a dataset replaces any earlier
// version of the same dataset as a whole.
type Loader interface {
	Load(ctx context.Context, d *Dataset) error
}

// SkillRequirement is a skill a profession needs, with how much.
type SkillRequirement struct {
	Skill      *Skill
	Importance Importance
}

// CareerMove is a move to (or from) another profession.
type CareerMove struct {
	Profession *Profession
	Kind       MoveKind
	// Inference is the score and basis of an inferred move; nil for the dataset's own moves.
	Inference *Inference
}

// CareerStep is a profession reachable in Distance moves, by Path (start and end included).
type CareerStep struct {
	Profession *Profession
	Distance   int
	Path       []*Profession
}

// SkillGap is what someone in From must add to work as To.
type SkillGap struct {
	From *Profession
	To   *Profession
	// Shared are the skills both require, in To's order.
	Shared []*Skill
	// Missing are the skills To requires that From does not: essential first, then To's order.
	Missing []SkillRequirement
	// MissingTools are the tools To uses that From does not, in To's order.
	MissingTools []*Tool
	// Coverage is the share of To's essential skills that From has; 1 when To has none.
	Coverage float64
	// Trainings prepare for To, in To's order.
	Trainings []*Training
	// Basis says what was compared (BasisSameDataset from the stores; CrossSkillGap across
	// datasets), ComparedThrough the equivalents of From that stood for it (never nil).
	Basis           SkillGapBasis
	ComparedThrough []*Profession
}

// MatchQuery asks which professions fit a set of skills and tools.
type MatchQuery struct {
	SkillIDs []string
	ToolIDs  []string
	Dataset  string // "" for all
	First    int
}

// ProfessionMatch is a ranked profession with the skills that matched and those missing.
type ProfessionMatch struct {
	Profession *Profession
	Score      float64
	// Matched are the profession's required skills that matched, in its order.
	Matched []*Skill
	// Missing are the profession's required skills that did not: essential first, then its order.
	Missing []*Skill
	// SkillsUsed and EssentialCoverage are MatchCounts.SkillsUsed and EssentialCoverage for
	// matchProfessions; nil where the ranking does not compare a person's skills
	// (similarProfessions, matchInterests).
	SkillsUsed, EssentialCoverage *float64
}

// SearchQuery is a ranked text search.
type SearchQuery struct {
	Text    string
	Kinds   []Kind // empty for all
	Dataset string // "" for all
	First   int
}

// SearchHit is one search result: a *Profession, *Skill, *Tool or *Training with its score.
type SearchHit struct {
	Node  any
	Kind  Kind
	Score float64
}

// Stats counts the graph.
type Stats struct {
	Professions int
	Skills      int
	Tools       int
	Trainings   int
	CareerMoves int
	// InferredMoves counts the inferred moves served out of the professions counted
	// (ServedInferredMoves).
	InferredMoves int
	// Equivalences counts the equivalences answered (both professions loaded) with a profession
	// in the datasets counted; EquivalencesBySource splits them by source, by source.
	Equivalences         int
	EquivalencesBySource []SourceCount
	// OccupationGroups counts the occupation groups.
	OccupationGroups int
	// Interests counts the professions with an interest code.
	Interests int
	// WorkContexts counts the professions' working conditions.
	WorkContexts int
	// Texts counts the professions and skills with texts in another language (one per node and
	// language).
	Texts int
	// SkillGroups counts the skills that are groups; SkillBroaderLinks the links from a skill
	// to a broader skill or group; SkillRelations the skill-to-skill relations.
	SkillGroups       int
	SkillBroaderLinks int
	SkillRelations    int
}

// SkillUsage is a skill with the number of professions that require it.
type SkillUsage struct {
	Skill       *Skill
	Professions int
}

// ProfessionFilter narrows a list of professions. Empty fields do not filter.
type ProfessionFilter struct {
	Text    string
	Dataset string
	Sector  string
	SkillID string
	ToolID  string
}

// SkillFilter narrows a list of skills. Empty fields do not filter.
type SkillFilter struct {
	Text    string
	Dataset string
	Kind    SkillKind
}

// ToolFilter narrows a list of tools. Empty fields do not filter.
type ToolFilter struct {
	Text     string
	Dataset  string
	Category string
}

// TrainingFilter narrows a list of trainings. Empty fields do not filter.
type TrainingFilter struct {
	Text    string
	Dataset string
	Level   TrainingLevel
}
