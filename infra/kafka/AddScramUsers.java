// Adds (or resets) SCRAM-SHA-512 users on a running broker through the Admin API
// (AlterUserScramCredentials), as the super user: what kafka-configs --alter --entity-type users does,
// without the tools jar that infra/kafka/fetch.sh does not fetch. Test infrastructure only.
//
//   java -cp "$(bash infra/kafka/fetch.sh)/*" infra/kafka/AddScramUsers.java <bootstrap> <admin-password> <user>=<password>...
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;

public class AddScramUsers {
  public static void main(String[] args) throws Exception {
    Properties props = new Properties();
    props.put("bootstrap.servers", args[0]);
    props.put("security.protocol", "SASL_PLAINTEXT");
    props.put("sasl.mechanism", "SCRAM-SHA-512");
    props.put(
        "sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\"" + args[1] + "\";");
    List<UserScramCredentialAlteration> alterations = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      String[] pair = args[i].split("=", 2);
      alterations.add(
          new UserScramCredentialUpsertion(pair[0], new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), pair[1]));
    }
    try (Admin admin = Admin.create(props)) {
      admin.alterUserScramCredentials(alterations).all().get();
    }
  }
}
