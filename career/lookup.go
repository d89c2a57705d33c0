package career

// The errors of arguments that name what the graph does not hold, or name one thing twice.
// Both stores answer with these, so that their messages are the same.

// ProfessionNotFound is the NOT_FOUND error for argument arg naming no profession.
func ProfessionNotFound(arg, id string) *Error {
	return Errorf(ENOTFOUND, "%s: no profession with ID %q", arg, id)
}

// SkillNotFound is the NOT_FOUND error for argument arg naming no skill.
func SkillNotFound(arg, id string) *Error {
	return Errorf(ENOTFOUND, "%s: no skill with ID %q", arg, id)
}

// ToolNotFound is the NOT_FOUND error for argument arg naming no tool.
func ToolNotFound(arg, id string) *Error {
	return Errorf(ENOTFOUND, "%s: no tool with ID %q", arg, id)
}

// SameProfession is the BAD_USER_INPUT error for a path asked from a profession to itself.
func SameProfession() *Error {
	return Errorf(EINVALID, "from and to are the same profession; give two different professions")
}
