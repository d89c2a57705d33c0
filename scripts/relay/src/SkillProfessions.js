// The professions that require a skill, paged both ways (last/before and first/after), and
// refetched by the skill's ID through Query.node.
import {graphql} from 'react-relay';

export const query = graphql`
  query SkillProfessionsQuery($id: ID!) {
    skill(id: $id) {
      ...SkillProfessions_skill
    }
  }
`;

export const fragment = graphql`
  fragment SkillProfessions_skill on Skill
  @refetchable(queryName: "SkillProfessionsPaginationQuery")
  @argumentDefinitions(
    first: {type: "Int"}
    after: {type: "String"}
    last: {type: "Int", defaultValue: 5}
    before: {type: "String"}
  ) {
    name
    professions(first: $first, after: $after, last: $last, before: $before)
      @connection(key: "SkillProfessions_professions") {
      totalCount
      edges {
        node {
          id
          name
        }
      }
    }
  }
`;
